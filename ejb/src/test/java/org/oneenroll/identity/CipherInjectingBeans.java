package org.oneenroll.identity;

import java.lang.reflect.Field;
import org.hibernate.resource.beans.container.spi.BeanContainer;
import org.hibernate.resource.beans.container.spi.ContainedBean;
import org.hibernate.resource.beans.spi.BeanInstanceProducer;
import org.oneenroll.identity.control.PersonalDataCipher;

/**
 * Test only: Hibernate's beans (the sealing converters, the look-up digest listener) with the cipher the container
 * would inject, for boundary tests on H2 outside the server.
 */
public final class CipherInjectingBeans implements BeanContainer {

    private final PersonalDataCipher cipher;

    public CipherInjectingBeans(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public <B> ContainedBean<B> getBean(Class<B> beanType, LifecycleOptions options, BeanInstanceProducer fallback) {
        return contained(fallback.produceBeanInstance(beanType));
    }

    @Override
    public <B> ContainedBean<B> getBean(
            String name, Class<B> beanType, LifecycleOptions options, BeanInstanceProducer fallback) {
        return contained(fallback.produceBeanInstance(name, beanType));
    }

    private <B> ContainedBean<B> contained(B bean) {
        for (Class<?> t = bean.getClass(); t != null; t = t.getSuperclass()) {
            for (Field f : t.getDeclaredFields()) {
                if (f.getType() == PersonalDataCipher.class) {
                    f.setAccessible(true);
                    try {
                        f.set(bean, cipher);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return () -> bean;
    }

    @Override
    public void stop() {}
}
