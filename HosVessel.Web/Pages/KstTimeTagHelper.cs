using System.Globalization;
using System.Text.Encodings.Web;
using HosVessel.Web.Fleet;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace HosVessel.Web.Pages;

/// <summary>
/// <c>&lt;kst-time utc="@stored" /&gt;</c> (a stored UTC timestamp) or <c>&lt;kst-time feed="@eta" /&gt;</c> (a
/// feed time, KST unless it carries an offset): one way every page shows a date-time. It names its zone, and the
/// date and the clock are each kept on one line, so a narrow cell breaks between them and never inside the date.
/// A value that is not a time is shown as it came. List cells call <see cref="KstTimeHtml"/> directly.
/// </summary>
[HtmlTargetElement("kst-time", TagStructure = TagStructure.WithoutEndTag)]
public sealed class KstTimeTagHelper : TagHelper
{
    public string? Utc { get; set; }

    public string? Feed { get; set; }

    /// <summary>A moment already known (rather than stored text).</summary>
    public DateTimeOffset? At { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        output.Content.SetHtmlContent(KstTimeHtml.Of(Utc, Feed, At));
    }
}

/// <summary>
/// The markup of <see cref="KstTimeTagHelper"/>, written without a tag helper's per-use context and output, for
/// list cells (a list of voyages shows one per row).
/// </summary>
public static class KstTimeHtml
{
    public static IHtmlContent Of(string? utc = null, string? feed = null, DateTimeOffset? at = null) =>
        Kst(utc, feed, at) is { } kst
            // A feed value with only a date stays a date: no made-up midnight.
            ? new Time(kst, DateOnly: feed?.Trim() is { Length: <= 10 })
            : new Text(feed ?? utc ?? "");

    private static DateTimeOffset? Kst(string? utc, string? feed, DateTimeOffset? at)
    {
        if (at is { } known)
        {
            return KoreanTime.From(known);
        }
        if (utc is not null)
        {
            return DateTimeOffset.TryParse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
                ? KoreanTime.From(time)
                : null;
        }
        return FeedValues.KstTime(feed) is { } wallClock
            ? new DateTimeOffset(wallClock, KoreanTime.Zone.GetUtcOffset(wallClock))
            : null;
    }

    private sealed record Time(DateTimeOffset Kst, bool DateOnly) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            writer.Write("<time class=\"when\" datetime=\"");
            encoder.Encode(writer, Kst.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
            writer.Write("\"><span class=\"day\">");
            writer.Write(Kst.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.Write(DateOnly ? "</span></time>" : "</span> <span class=\"clock\">");
            if (!DateOnly)
            {
                writer.Write(Kst.ToString("HH:mm", CultureInfo.InvariantCulture));
                writer.Write(" KST</span></time>");
            }
        }
    }

    private sealed record Text(string Value) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            writer.Write("<span>");
            encoder.Encode(writer, Value);
            writer.Write("</span>");
        }
    }
}
