package org.oneenroll.web.review;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.oneenroll.intake.entity.CaseStatus;
import org.oneenroll.intake.entity.Channel;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.review.boundary.Reviews;
import org.oneenroll.review.entity.BulkOutcome;
import org.oneenroll.review.entity.CaseRef;
import org.oneenroll.review.entity.QueueFilter;
import org.oneenroll.review.entity.QueuePage;
import org.oneenroll.review.entity.QueueRow;
import org.oneenroll.review.entity.QueueSort;
import org.oneenroll.review.entity.ReviewScope;
import org.oneenroll.verification.entity.ApplicationType;
import org.oneenroll.verification.entity.GovernmentSource;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * 审核列表: the reviewer's queue, paged, counted and filtered in the database, with counts per status and bulk
 * approval of the cases every source confirmed. Everything the screen shows comes through {@link Reviews}, which
 * bounds it by the signed-in account's scope.
 */
@Named
@ViewScoped
public class ReviewQueueView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Reviews reviews;

    private String status;
    private String stage;
    private String type;
    private String category;
    private String school;
    private String failedSource;
    private String channel;
    private LocalDate submittedFrom;
    private LocalDate submittedTo;
    private String sort = "SUBMITTED_ASC";
    private QueueFilter filter = QueueFilter.work();
    private Map<CaseStatus, Long> counts = Map.of();
    private long total;
    /** The filter {@link #counts} and {@link #total} were counted for; null: count again. */
    private QueueFilter counted;

    private Map<String, String> schools = Map.of();
    private String scopeLabel;
    private LazyDataModel<QueueRow> cases;
    private List<QueueRow> shown = List.of();
    private List<QueueRow> selected = new ArrayList<>();
    private String bulkKey = UUID.randomUUID().toString();

    @PostConstruct
    void init() {
        ReviewScope scope = reviews.scope();
        scopeLabel = scope.level() == ReviewScope.Level.SCHOOL
                ? scope.regionPrefix() + " · " + scope.schoolCode()
                : scope.regionPrefix();
        schools = reviews.schools();
        cases = new LazyDataModel<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public int count(Map<String, FilterMeta> filterBy) {
                // Counting is the costly statement (docs/PERFORMANCE.md): once per filter, not once per page.
                if (counted == null || !counted.equals(filter)) {
                    QueuePage page = reviews.counts(filter);
                    counts = page.countsByStatus();
                    total = page.total();
                    counted = filter;
                }
                return (int) Math.min(Integer.MAX_VALUE, total);
            }

            @Override
            public List<QueueRow> load(
                    int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
                shown = reviews.rows(filter, sortOrder(), first, pageSize);
                return shown;
            }

            @Override
            public String getRowKey(QueueRow row) {
                return row.caseNumber();
            }

            @Override
            public QueueRow getRowData(String rowKey) {
                return shown.stream()
                        .filter(r -> r.caseNumber().equals(rowKey))
                        .findFirst()
                        .orElse(null);
            }
        };
    }

    /** Applies the filter fields; a refused combination (dates the wrong way round) is shown at its field. */
    public void search() {
        try {
            filter = new QueueFilter(
                    status == null || status.isBlank() ? null : EnumSet.of(CaseStatus.valueOf(status)),
                    blank(stage) ? null : Stage.valueOf(stage),
                    blank(type) ? null : ApplicationType.valueOf(type),
                    blank(category) ? null : FamilyCategory.valueOf(category),
                    school,
                    blank(failedSource) ? null : GovernmentSource.valueOf(failedSource),
                    blank(channel) ? null : Channel.valueOf(channel),
                    submittedFrom,
                    submittedTo);
            counted = null;
            selected = new ArrayList<>();
        } catch (InvalidValueException e) {
            Screens.refuse("filters:" + (e.field().equals("submittedTo") ? "submittedTo" : "status"), e);
        }
    }

    /** Shows only one status (the counts above the table are links). */
    public void only(String statusName) {
        status = statusName;
        search();
    }

    /** Approves the selected cases every source confirmed; the others are named with the reason they stayed. */
    public void bulkApprove() {
        List<CaseRef> refs = selected.stream()
                .map(r -> new CaseRef(r.caseNumber(), r.version()))
                .toList();
        if (refs.isEmpty()) {
            Screens.info(Screens.text("review.bulk.none"));
            return;
        }
        try {
            BulkOutcome outcome = reviews.bulkApprove(refs, bulkKey);
            Screens.info(Screens.text("review.bulk.done")
                    .replace("{0}", String.valueOf(outcome.approved().size())));
            outcome.refused()
                    .forEach((number, why) -> Screens.refuse(
                            null, new InvalidValueException("case", "review.bulk-refused-line", number, why)));
        } catch (InvalidValueException e) {
            Screens.refuse(null, e);
        }
        selected = new ArrayList<>();
        counted = null;
        bulkKey = UUID.randomUUID().toString();
    }

    QueueSort sortOrder() {
        return switch (sort) {
            case "SUBMITTED_DESC" -> new QueueSort(QueueSort.Field.SUBMITTED, false);
            case "CHANGED_ASC" -> new QueueSort(QueueSort.Field.STATUS_CHANGED, true);
            case "CHANGED_DESC" -> new QueueSort(QueueSort.Field.STATUS_CHANGED, false);
            case "NUMBER_ASC" -> new QueueSort(QueueSort.Field.CASE_NUMBER, true);
            default -> QueueSort.oldestFirst();
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public String time(Instant at) {
        return Screens.time(at);
    }

    /** The failed sources of a row in words. */
    public String sources(Set<GovernmentSource> failed) {
        List<String> names = new ArrayList<>();
        failed.forEach(s -> names.add(s.chineseName()));
        return String.join("、", names);
    }

    public LazyDataModel<QueueRow> getCases() {
        return cases;
    }

    /** Counts for the statuses the queue knows, in their life-cycle order. */
    public Map<String, Long> getCounts() {
        Map<String, Long> shown = new LinkedHashMap<>();
        QueueFilter.REVIEWABLE.forEach(s -> shown.put(s.name(), counts.getOrDefault(s, 0L)));
        return shown;
    }

    public List<String> getStatuses() {
        return QueueFilter.REVIEWABLE.stream().map(Enum::name).toList();
    }

    public List<String> getStages() {
        return List.of(Stage.PRIMARY.name(), Stage.JUNIOR.name());
    }

    public List<String> getTypes() {
        return List.of(ApplicationType.LOCAL.name(), ApplicationType.NON_LOCAL.name());
    }

    public List<String> getCategories() {
        return EnumSet.allOf(FamilyCategory.class).stream().map(Enum::name).toList();
    }

    public List<GovernmentSource> getSources() {
        return List.of(GovernmentSource.values());
    }

    public List<String> getChannels() {
        return List.of(Channel.ONLINE.name(), Channel.COUNTER.name());
    }

    public Map<String, String> getSchools() {
        return schools;
    }

    public String getScopeLabel() {
        return scopeLabel;
    }

    public List<QueueRow> getSelected() {
        return selected;
    }

    public void setSelected(List<QueueRow> selected) {
        this.selected = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getStage() {
        return stage;
    }

    public void setStage(String stage) {
        this.stage = stage;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getSchool() {
        return school;
    }

    public void setSchool(String school) {
        this.school = school;
    }

    public String getFailedSource() {
        return failedSource;
    }

    public void setFailedSource(String failedSource) {
        this.failedSource = failedSource;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public LocalDate getSubmittedFrom() {
        return submittedFrom;
    }

    public void setSubmittedFrom(LocalDate submittedFrom) {
        this.submittedFrom = submittedFrom;
    }

    public LocalDate getSubmittedTo() {
        return submittedTo;
    }

    public void setSubmittedTo(LocalDate submittedTo) {
        this.submittedTo = submittedTo;
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }
}
