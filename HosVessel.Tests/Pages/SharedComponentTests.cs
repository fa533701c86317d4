using System.Net;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using HosVessel.Web.Data;
using HosVessel.Web.Pages;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace HosVessel.Tests.Pages;

/// <summary>The shared pager's numbers and the one way pages show a date-time.</summary>
public sealed class SharedComponentTests
{
    [Theory]
    [InlineData(1, 1, "1")]
    [InlineData(1, 3, "1 2 3")]
    [InlineData(1, 12, "1 2 3 … 12")]
    [InlineData(5, 12, "1 2 3 4 5 6 7 … 12")]
    [InlineData(6, 12, "1 … 4 5 6 7 8 … 12")]
    [InlineData(12, 12, "1 … 10 11 12")]
    public void The_pager_links_the_first_the_last_and_two_pages_either_side(int current, int last, string shown)
    {
        var pager = new PagerView(new PaginatedList<int>([], last * 20L, current, 20), page => $"/voyage?page={page}");

        Assert.Equal(shown, string.Join(" ", pager.Pages().Select(page => page?.ToString() ?? "…")));
    }

    [Theory]
    // A stored UTC time is shown in KST; a feed time is KST already unless it names an offset.
    [InlineData("2026-11-29T15:30:00+00:00", null, "2026-11-30T00:30:00+09:00", "<span class=\"day\">2026-11-30</span> <span class=\"clock\">00:30 KST</span>")]
    [InlineData(null, "2026-12-12 05:00", "2026-12-12T05:00:00+09:00", "<span class=\"day\">2026-12-12</span> <span class=\"clock\">05:00 KST</span>")]
    [InlineData(null, "2026-12-12T05:00:00+01:00", "2026-12-12T13:00:00+09:00", "<span class=\"day\">2026-12-12</span> <span class=\"clock\">13:00 KST</span>")]
    [InlineData(null, "2026-12-12", "2026-12-12T00:00:00+09:00", "<span class=\"day\">2026-12-12</span>")]
    public void A_time_names_its_zone_and_keeps_the_date_in_one_piece(string? utc, string? feed, string datetime, string html)
    {
        var shown = Render(new KstTimeTagHelper { Utc = utc, Feed = feed });

        Assert.Equal($"<time class=\"when\" datetime=\"{datetime}\">{html}</time>", WebUtility.HtmlDecode(shown));
        // List cells write the same markup without the tag helper.
        Assert.Equal(shown, Write(KstTimeHtml.Of(utc, feed)));
    }

    [Fact]
    public void A_feed_value_that_is_not_a_time_is_shown_as_it_came()
    {
        Assert.Equal("<span>TBA &lt;pilot&gt;</span>", Render(new KstTimeTagHelper { Feed = "TBA <pilot>" }));
    }

    // As a page writes it: Korean stays characters (Program.cs), markup characters are encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Render(KstTimeTagHelper helper)
    {
        var output = new TagHelperOutput("kst-time", [], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
        helper.Process(new TagHelperContext([], new Dictionary<object, object>(), "id"), output);
        return Write(output);
    }

    private static string Write(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, Encoder);
        return writer.ToString();
    }
}
