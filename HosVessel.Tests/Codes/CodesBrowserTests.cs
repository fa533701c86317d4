using HosVessel.Tests.Infrastructure;
using HosVessel.Tests.Voyages;
using HosVessel.Web.Vessels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HosVessel.Tests.Codes;

/// <summary>/codes in real Chromium at phone and desktop widths, on the development fleet, with screenshots.</summary>
[Trait(TestCategory.Name, TestCategory.Slow)]
public sealed class CodesBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("desktop", 1280)]
    [InlineData("phone", 390)]
    public async Task An_admin_names_a_team_on_codes_and_the_list_and_detail_pages_show_the_name(string device, int width)
    {
        var store = browser.App.Services.GetRequiredService<VesselStore>();
        foreach (var fields in DevelopmentVesselSeeder.Fleet())
        {
            if (await store.FindByImoAsync(fields.ImoNo!) is null)
            {
                await store.CreateAsync(fields);
            }
        }
        await browser.App.CreateClient().PushOkAsync("""
            [{"vessel_name":"HOS AURORA","line":"FE4","flag":"KOR"},{"vessel_name":"HOS BADA","line":"CIX"},{"vessel_name":"HYUNDAI ECOPIA","line":"AEX","flag":"MHL"}]
            """);
        // Each width names another team of the development fleet (CT2: 8 ships under LIB among others, LBT: 7).
        var (team, teamName, ships) = device == "phone" ? ("CT2", "컨테이너 2팀", 8) : ("LBT", "LNG·벌크팀", 7);
        var page = await browser.LoginAsync(HosVesselFactory.AdminUsername, HosVesselFactory.AdminPassword, width);

        await page.ClickAsync("nav >> text=코드 관리");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("코드 관리");
        var row = page.Locator($"#unnamed li[data-kind=tic][data-code={team}]");
        await Assertions.Expect(row.Locator(".code-row-ships")).ToHaveTextAsync($"{ships}척");
        await Assertions.Expect(page.Locator("#flag li[data-code=KOR] input[name=name]")).ToHaveValueAsync("대한민국");
        await AssertNoHorizontalScrollAsync(page);
        await BrowserFixture.ScreenshotAsync(page, $"codes-{device}");

        await row.Locator("input[name=name]").FillAsync(teamName);
        await row.Locator("button:has-text('저장')").ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync($"{team}의 이름을 저장했습니다: {teamName}");
        await Assertions.Expect(page.Locator($"#unnamed li[data-code={team}]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator($"#tic li[data-code={team}] input[name=name]")).ToHaveValueAsync(teamName);

        await page.ClickAsync("nav >> text=선박 목록");
        var legend = page.Locator(".code-legend");
        await Assertions.Expect(legend).ToContainTextAsync($"{team} {teamName}");
        await Assertions.Expect(legend).ToContainTextAsync("KOR 대한민국");
        if (device == "desktop")
        {
            await Assertions.Expect(page.Locator($".vessel-table abbr.code:text-is('{team}')").First).ToHaveAttributeAsync("title", teamName);
        }
        await AssertNoHorizontalScrollAsync(page);
        await BrowserFixture.ScreenshotAsync(page, $"codes-vessel-list-{device}");

        var vessel = (await store.SearchAsync(new VesselQuery(Name: "HOS"))).Items.First(v => v.Tic == team);
        await page.GotoAsync($"/vessel/{vessel.Id}");
        await Assertions.Expect(page.Locator(".detail-grid")).ToContainTextAsync($"{team} · {teamName}");
        await Assertions.Expect(page.Locator(".detail-grid")).ToContainTextAsync($"{vessel.Flag} · {(vessel.Flag == "LIB" ? "라이베리아" : "마셜 제도")}");
        await AssertNoHorizontalScrollAsync(page);
        await BrowserFixture.ScreenshotAsync(page, $"codes-vessel-detail-{device}");
    }

    private static async Task AssertNoHorizontalScrollAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"{page.Url} scrolls sideways");
}
