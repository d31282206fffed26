package dev.hookyard.server.console;

import dev.hookyard.server.activity.MinuteCounts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The overview's chart, drawn on the server as SVG (no script, no chart library): one column per minute of the last
 * hour, accepted deliveries stacked under the refusals of each reason. Each column's {@code <title>} gives its
 * figures as text, and the table after the chart gives them too.
 */
final class MinuteChart {

    private static final int WIDTH = 600;
    private static final int HEIGHT = 160;
    private static final int COLOURS = 6;

    private MinuteChart() {
    }

    static String svg(List<MinuteCounts.Minute> minutes) {
        long max = 1;
        Set<String> reasons = new LinkedHashSet<>();
        for (MinuteCounts.Minute minute : minutes) {
            max = Math.max(max, minute.accepted() + minute.refusedTotal());
            reasons.addAll(minute.refused().keySet());
        }
        List<String> legend = new ArrayList<>(reasons);
        double column = (double) WIDTH / minutes.size();
        StringBuilder svg = new StringBuilder("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT + 16).append("\" role=\"img\" aria-label=\"Deliveries per minute, last hour\">");
        svg.append("<line class=\"axis\" x1=\"0\" y1=\"").append(HEIGHT).append("\" x2=\"").append(WIDTH)
                .append("\" y2=\"").append(HEIGHT).append("\"/>");
        for (int i = 0; i < minutes.size(); i++) {
            MinuteCounts.Minute minute = minutes.get(i);
            double x = i * column;
            double y = HEIGHT;
            StringBuilder title = new StringBuilder(Html.time(minute.start()).substring(11, 16) + " UTC: "
                    + minute.accepted() + " accepted");
            y = bar(svg, x, y, column, minute.accepted(), max, "accepted");
            for (String reason : legend) {
                long n = minute.refused().getOrDefault(reason, 0L);
                if (n > 0) {
                    title.append(", ").append(n).append(' ').append(reason);
                    y = bar(svg, x, y, column, n, max, "refused r" + legend.indexOf(reason) % COLOURS);
                }
            }
            svg.append("<rect class=\"hover\" x=\"").append(fmt(x)).append("\" y=\"0\" width=\"").append(fmt(column))
                    .append("\" height=\"").append(HEIGHT).append("\"><title>").append(Html.text(title))
                    .append("</title></rect>");
        }
        svg.append("<text class=\"label\" x=\"0\" y=\"").append(HEIGHT + 13).append("\">60 min ago</text>")
                .append("<text class=\"label\" x=\"").append(WIDTH).append("\" y=\"").append(HEIGHT + 13)
                .append("\" text-anchor=\"end\">now</text>")
                .append("<text class=\"label\" x=\"2\" y=\"11\">").append(max).append("/min</text></svg>");
        StringBuilder keys = new StringBuilder("<ul class=\"legend\"><li><span class=\"key accepted\"></span>accepted</li>");
        for (String reason : legend) {
            keys.append("<li><span class=\"key refused r").append(legend.indexOf(reason) % COLOURS)
                    .append("\"></span>refused: ").append(Html.text(reason)).append("</li>");
        }
        return svg + keys.append("</ul>").toString();
    }

    private static double bar(StringBuilder svg, double x, double bottom, double width, long n, long max,
                              String cssClass) {
        if (n == 0) {
            return bottom;
        }
        double height = Math.max(1, (double) n * HEIGHT / max);
        double top = bottom - height;
        svg.append("<rect class=\"").append(cssClass).append("\" x=\"").append(fmt(x + 0.5)).append("\" y=\"")
                .append(fmt(top)).append("\" width=\"").append(fmt(Math.max(1, width - 1))).append("\" height=\"")
                .append(fmt(height)).append("\"/>");
        return top;
    }

    private static String fmt(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
