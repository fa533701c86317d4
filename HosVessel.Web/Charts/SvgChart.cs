using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Html;

namespace HosVessel.Web.Charts;

/// <summary>
/// Charts drawn on the server as inline SVG: no script, no CDN, and nothing inline for the CSP to refuse (colours
/// come from classes in the page's CSS). Each carries a title and description; pages add a text equivalent.
/// </summary>
public static class SvgChart
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public sealed record Bar(string Label, int Value, bool Highlight = false);

    /// <summary>A bar per label with its value above it; <paramref name="title"/> and <paramref name="description"/> are read out.</summary>
    public static IHtmlContent Bars(IReadOnlyList<Bar> bars, string title, string description, string cssClass)
    {
        // The home page draws the same arrivals chart for every request until the data or the day changes; building
        // the SVG tree was a tenth of its CPU time. The key is everything the drawing depends on.
        var key = $"{title}\n{description}\n{cssClass}\n{string.Join("\n", bars)}";
        if (DrawnBars.TryGetValue(key, out var drawn))
        {
            return drawn;
        }
        var html = DrawBars(bars, title, description, cssClass);
        if (Interlocked.Increment(ref drawnBarsCount) > 256)
        {
            DrawnBars.Clear();
            Interlocked.Exchange(ref drawnBarsCount, 0);
        }
        DrawnBars[key] = html;
        return html;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IHtmlContent> DrawnBars = new(StringComparer.Ordinal);

    private static int drawnBarsCount;

    private static IHtmlContent DrawBars(IReadOnlyList<Bar> bars, string title, string description, string cssClass)
    {
        const double width = 420, height = 160, top = 20, bottom = 24, gap = 4;
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var slot = width / Math.Max(1, bars.Count);
        var plot = height - top - bottom;
        var svg = Root(width, height, title, description, cssClass);
        svg.Add(Element("line", ("x1", 0), ("x2", width), ("y1", height - bottom), ("y2", height - bottom), ("class", "axis")));
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var x = i * slot + gap / 2;
            var h = plot * bar.Value / max;
            var y = height - bottom - h;
            svg.Add(Element("rect", ("x", x), ("y", y), ("width", slot - gap), ("height", h), ("class", bar.Highlight ? "bar bar-highlight" : "bar")));
            if (bar.Value > 0)
            {
                svg.Add(Text(x + (slot - gap) / 2, y - 4, bar.Value.ToString(CultureInfo.InvariantCulture), "value"));
            }
            svg.Add(Text(x + (slot - gap) / 2, height - 6, bar.Label, "label"));
        }
        return Html(svg);
    }

    public sealed record Step(DateTimeOffset At, DateTime Value);

    /// <summary>
    /// A step line of <see cref="Step.Value"/> (a time, such as an ETA) against when it was observed, held until
    /// <paramref name="until"/>. Times are drawn in KST.
    /// </summary>
    public static IHtmlContent Steps(IReadOnlyList<Step> steps, DateTimeOffset until, string title, string description, string cssClass)
    {
        const double width = 400, height = 210, left = 100, right = 6, top = 10, bottom = 26;
        var svg = Root(width, height, title, description, cssClass);
        if (steps.Count == 0)
        {
            return Html(svg);
        }
        var start = steps[0].At;
        var end = until > start ? until : start.AddHours(1);
        var low = steps.Min(s => s.Value);
        var high = steps.Max(s => s.Value);
        if (high - low < TimeSpan.FromHours(2))
        {
            // A flat line sits mid-chart with a little room above and below.
            low = low.AddHours(-1);
            high = high.AddHours(1);
        }
        double X(DateTimeOffset at) => left + (width - left - right) * ((at - start).TotalSeconds / (end - start).TotalSeconds);
        double Y(DateTime value) => top + (height - top - bottom) * (1 - (value - low).TotalSeconds / (high - low).TotalSeconds);

        foreach (var tick in new[] { low, low + (high - low) / 2, high })
        {
            svg.Add(Element("line", ("x1", left), ("x2", width - right), ("y1", Y(tick)), ("y2", Y(tick)), ("class", "grid")));
            svg.Add(Text(left - 6, Y(tick) + 4, tick.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture), "label", "end"));
        }
        svg.Add(Text(left, height - 8, KoreanTime.From(start).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture), "label", "start"));
        svg.Add(Text(width - right, height - 8, KoreanTime.From(end).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture), "label", "end"));

        var path = new System.Text.StringBuilder();
        path.Append(CultureInfo.InvariantCulture, $"M{X(steps[0].At):0.#},{Y(steps[0].Value):0.#}");
        for (var i = 1; i < steps.Count; i++)
        {
            path.Append(CultureInfo.InvariantCulture, $" H{X(steps[i].At):0.#} V{Y(steps[i].Value):0.#}");
        }
        path.Append(CultureInfo.InvariantCulture, $" H{X(end):0.#}");
        svg.Add(Element("path", ("d", path.ToString()), ("class", "step")));
        foreach (var step in steps.Skip(1))
        {
            svg.Add(Element("circle", ("cx", X(step.At)), ("cy", Y(step.Value)), ("r", 3.5), ("class", "point")));
        }
        return Html(svg);
    }

    private static XElement Root(double width, double height, string title, string description, string cssClass)
    {
        var id = "chart-" + Guid.NewGuid().ToString("N")[..8];
        return new XElement(Svg + "svg",
            new XAttribute("viewBox", FormattableString.Invariant($"0 0 {width} {height}")),
            new XAttribute("class", "chart " + cssClass),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{id}-title {id}-desc"),
            new XElement(Svg + "title", new XAttribute("id", id + "-title"), title),
            new XElement(Svg + "desc", new XAttribute("id", id + "-desc"), description));
    }

    private static XElement Element(string name, params (string Name, object Value)[] attributes) =>
        new(Svg + name, attributes.Select(a => new XAttribute(a.Name,
            a.Value is double d ? d.ToString("0.##", CultureInfo.InvariantCulture) : Convert.ToString(a.Value, CultureInfo.InvariantCulture)!)));

    // text-anchor is a presentation attribute, not a style, so the CSP lets it through.
    private static XElement Text(double x, double y, string text, string cssClass, string anchor = "middle") =>
        new(Element("text", ("x", x), ("y", y), ("class", cssClass), ("text-anchor", anchor))) { Value = text };

    private static HtmlString Html(XElement svg) => new(svg.ToString(SaveOptions.DisableFormatting));
}
