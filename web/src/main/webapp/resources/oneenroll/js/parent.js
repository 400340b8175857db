/* Parents' sign-in: after a code was asked for, "获取验证码" counts down until the next one may be asked. */
var OneEnroll = window.OneEnroll || {};
window.OneEnroll = OneEnroll;

OneEnroll.afterCodeRequest = function (args) {
    var button = PF('sendCode');
    var wait = args && args.wait ? parseInt(args.wait, 10) : 0;
    if (!wait) {
        button.enable();
        return;
    }
    var label = button.jq.find('.ui-button-text');
    var original = label.text();
    var pattern = button.jq.attr('data-wait');
    var left = wait;
    var tick = function () {
        if (left <= 0) {
            label.text(original);
            button.enable();
            return;
        }
        label.text(pattern.replace('{0}', left));
        left -= 1;
        window.setTimeout(tick, 1000);
    };
    tick();
    if (!args.validationFailed) {
        document.getElementById('login:code').focus();
    }
};
