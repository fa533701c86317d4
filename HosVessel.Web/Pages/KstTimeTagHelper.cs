using System.Globalization;
using HosVessel.Web.Fleet;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace HosVessel.Web.Pages;

/// <summary>
/// <c>&lt;kst-time utc="@stored" /&gt;</c> (a stored UTC timestamp) or <c>&lt;kst-time feed="@eta" /&gt;</c> (a
/// feed time, KST unless it carries an offset): one way every page shows a date-time. It names its zone, and the
/// date and the clock are each kept on one line, so a narrow cell breaks between them and never inside the date.
/// A value that is not a time is shown as it came.
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
        output.TagMode = TagMode.StartTagAndEndTag;
        if (Kst() is not { } kst)
        {
            output.TagName = "span";
            output.Content.SetContent(Feed ?? Utc ?? "");
            return;
        }
        output.TagName = "time";
        output.Attributes.SetAttribute("class", "when");
        output.Attributes.SetAttribute("datetime", kst.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        var day = kst.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // A feed value with only a date stays a date: no made-up midnight.
        output.Content.SetHtmlContent(Feed?.Trim() is { Length: <= 10 }
            ? $"<span class=\"day\">{day}</span>"
            : $"<span class=\"day\">{day}</span> <span class=\"clock\">{kst.ToString("HH:mm", CultureInfo.InvariantCulture)} KST</span>");
    }

    private DateTimeOffset? Kst()
    {
        if (At is { } at)
        {
            return KoreanTime.From(at);
        }
        if (Utc is not null)
        {
            return DateTimeOffset.TryParse(Utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
                ? KoreanTime.From(time)
                : null;
        }
        return FeedValues.KstTime(Feed) is { } wallClock
            ? new DateTimeOffset(wallClock, KoreanTime.Zone.GetUtcOffset(wallClock))
            : null;
    }
}
