package org.unionportal.api.member;

import java.util.Optional;
import org.unionportal.api.i18n.Labelled;
import org.unionportal.api.i18n.Text;

/** The occupation of a gig worker (新就业形态劳动者), as the unions organise them. */
public enum GigOccupation implements Labelled {
    COURIER("快递员", "Courier", "快递小哥"),
    FOOD_DELIVERY_RIDER("外卖骑手", "Food-delivery rider", "外卖送餐员", "骑手"),
    RIDE_HAILING_DRIVER("网约车司机", "Ride-hailing driver", "网约车驾驶员"),
    TRUCK_DRIVER("货车司机", "Truck driver", "货车驾驶员");

    private final Text label;
    private final String[] aliases;

    GigOccupation(String zh, String en, String... aliases) {
        this.label = Text.of(zh, en);
        this.aliases = aliases;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public Text label() {
        return label;
    }

    /** The occupation named by its code, its Chinese or English label or a common variant; empty otherwise. */
    public static Optional<GigOccupation> parse(String text) {
        String key = MemberCategory.Labels.key(text);
        if (key == null) {
            return Optional.empty();
        }
        for (GigOccupation o : values()) {
            if (o.name().equals(key) || MemberCategory.Labels.key(o.label.zh()).equals(key)
                    || MemberCategory.Labels.key(o.label.en()).equals(key)) {
                return Optional.of(o);
            }
            for (String alias : o.aliases) {
                if (MemberCategory.Labels.key(alias).equals(key)) {
                    return Optional.of(o);
                }
            }
        }
        return Optional.empty();
    }
}
