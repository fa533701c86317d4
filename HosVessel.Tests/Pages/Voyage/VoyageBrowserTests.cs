using HosVessel.Tests.Infrastructure;
using HosVessel.Tests.Voyages;
using Microsoft.Playwright;

namespace HosVessel.Tests.Pages.Voyage;

[Trait(TestCategory.Name, TestCategory.Slow)]
public sealed class VoyageBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Fleet = """
        [
          {"vessel_name": "HMM ALGECIRAS", "voy_no": "0019", "line": "FE4", "teu": "24K", "captain": "이상필 (2026-02-05)",
           "chief_engineer": "문학병 (2025-10-30)", "safety_supervisor": "장성욱", "ops_supervisor": "강문수",
           "next_port": {"port": "GBFXT(GBR)", "eta": "2026-03-21 04:00"}, "itinerary": "NLRTM → DEHAM"},
          {"vessel_name": "H/SMART", "voy_no": "0042", "line": "TP7", "captain": "김선장", "safety_supervisor": "박감독"},
          {"vessel_name": "HMM OSLO", "voy_no": "0007", "line": "FE2", "chief_engineer": "최기관", "ops_supervisor": "장성욱"}
        ]
        """;

    private async Task<string[]> ListedVesselsAsync(IPage page) =>
        [.. await page.Locator(".voyage-table tbody tr td:first-child a.ship-link").AllInnerTextsAsync()];

    // At a desk the filters are unfolded; VoyageListBrowserTests drives the folded ones on a phone.
    [Fact]
    public async Task The_filters_narrow_the_list_and_a_row_opens_the_detail_cards()
    {
        await browser.App.CreateClient().PushOkAsync(Fleet);
        var page = await browser.LoginAsync(HosVesselFactory.AdminUsername, HosVesselFactory.AdminPassword);

        await page.GotoAsync("/voyage");
        Assert.Equal(["HMM ALGECIRAS", "HMM OSLO", "HYUNDAI SMART"], await ListedVesselsAsync(page));
        Assert.Contains("KST", await page.InnerTextAsync(".last-push"));
        Assert.Equal("총 3척", await page.InnerTextAsync(".voyage-total"));

        await page.FillAsync("input[name=supervisor]", "성욱");
        await page.ClickAsync(".filter-card button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("supervisor="));
        Assert.Equal(["HMM ALGECIRAS", "HMM OSLO"], await ListedVesselsAsync(page));

        await page.FillAsync("input[name=line]", "fe2");
        await page.ClickAsync(".filter-card button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("line=fe2"));
        Assert.Equal(["HMM OSLO"], await ListedVesselsAsync(page));
        Assert.Equal("총 1척", await page.InnerTextAsync(".voyage-total"));

        await page.ClickAsync("text=초기화");
        await page.WaitForURLAsync(url => url.EndsWith("/voyage"));
        await page.FillAsync("input[name=vessel_name]", "h/sm");
        await page.ClickAsync(".filter-card button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("vessel_name="));
        Assert.Equal(["HYUNDAI SMART"], await ListedVesselsAsync(page));

        await page.FillAsync("input[name=vessel_name]", "");
        await page.FillAsync("input[name=s_crew]", "이상필");
        await page.ClickAsync(".filter-card button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("s_crew="));
        Assert.Equal(["HMM ALGECIRAS"], await ListedVesselsAsync(page));

        await page.ClickAsync(".voyage-table a:text('HMM ALGECIRAS')");
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, @"/voyage/\d+$"));
        Assert.Equal("HMM ALGECIRAS", await page.InnerTextAsync("h1"));
        Assert.Equal(["기본 정보", "선원 & 감독", "다음 입항", "최근 출항", "PSC 검사", "마지막 업데이트", "기항지 순서"],
            await page.Locator(".voyage-cards h2").AllInnerTextsAsync());
        Assert.Contains("이상필 (2026-02-05)", await page.InnerTextAsync("#crew"));
        Assert.Contains("GBFXT(GBR)", await page.InnerTextAsync("#next-port"));
        Assert.Contains("NLRTM → DEHAM", await page.InnerTextAsync("#itinerary"));
        Assert.Contains("선박 등록부에 없음", await page.InnerTextAsync(".voyage-heading"));
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task The_feed_log_marks_a_clear_apart_from_the_pushes(int width)
    {
        var client = browser.App.CreateClient();
        await client.PushOkAsync(Fleet);
        using var clear = new HttpRequestMessage(HttpMethod.Delete, "/api/voyage");
        clear.Headers.Add("X-API-Key", HosVesselFactory.ApiKey);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(clear)).StatusCode);
        await client.PushOkAsync(Fleet);
        var page = await browser.LoginAsync(HosVesselFactory.AdminUsername, HosVesselFactory.AdminPassword, width);

        await page.GotoAsync("/voyage/feed");

        var rows = page.Locator(".voyage-feed tbody tr");
        await Assertions.Expect(rows.Nth(1).Locator(".badge", new() { HasText = "전체 삭제" })).ToBeVisibleAsync();
        Assert.Equal(0, await rows.Nth(0).Locator(".badge", new() { HasText = "전체 삭제" }).CountAsync());
    }
}
