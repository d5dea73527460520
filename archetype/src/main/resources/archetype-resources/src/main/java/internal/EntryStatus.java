package ${package}.internal;

import org.unionportal.api.i18n.Labelled;
import org.unionportal.api.i18n.Text;

/** Where an entry stands: stored and sent by its code, shown by its label. */
public enum EntryStatus implements Labelled {
    OPEN(Text.of("待办", "Open")),
    DONE(Text.of("已办结", "Done"));

    private final Text label;

    EntryStatus(Text label) {
        this.label = label;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public Text label() {
        return label;
    }
}
