using System.Text.Json.Nodes;
using HosVessel.Tests.Infrastructure;
using HosVessel.Tests.Voyages;
using Microsoft.Playwright;

namespace HosVessel.Tests.Pages.Voyage;

/// <summary>The voyage list as a phone user drives it: the folded filters, numbered pages and the sorts.</summary>
[Trait(TestCategory.Name, TestCategory.Slow)]
public sealed class VoyageListBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly SemaphoreSlim Seeded = new(1, 1);
    private static bool seeded;

    [Fact]
    public async Task Page_three_of_a_filtered_list_keeps_the_filter_and_the_sort()
    {
        await SeedAsync();
        var page = await browser.LoginAsync(HosVesselFactory.AdminUsername, HosVesselFactory.AdminPassword, 390, 844);

        await page.GotoAsync("/voyage");
        Assert.False(await page.Locator("input[name=line]").IsVisibleAsync(), "the extra filters start folded");
        await page.ClickAsync(".filter-more summary");
        await page.FillAsync("input[name=line]", "fe4");
        await page.ClickAsync(".filter-line button[type=submit]");
        await Assertions.Expect(page.Locator(".voyage-total")).ToHaveTextAsync("총 50척");
        await page.ClickAsync(".sort-links a:text('ETA 빠른 순')");
        await page.WaitForURLAsync(url => url.Contains("sort=eta"));

        await page.ClickAsync(".pager a.pager-page:text-is('3')");
        await page.WaitForURLAsync(url => url.Contains("page=3"));

        Assert.Contains("line=fe4", page.Url);
        Assert.Equal("3", await page.InnerTextAsync(".pager [aria-current=page]"));
        await Assertions.Expect(page.Locator(".voyage-total")).ToHaveTextAsync("총 50척");
        Assert.All(await page.Locator(".voyage-table td[data-label='항로']").AllInnerTextsAsync(), line => Assert.Equal("FE4", line.Trim()));
        var etas = await page.Locator(".voyage-table .voyage-eta time").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('datetime'))");
        Assert.Equal(10, etas.Length);
        Assert.Equal(etas.Order(StringComparer.Ordinal), etas);
        Assert.Equal("fe4", await page.InputValueAsync("input[name=line]"));
        Assert.True(await page.Locator("input[name=line]").IsVisibleAsync(), "a set filter shows itself");
        // The last page: every page number, 이전 and no 다음.
        Assert.Equal(["1", "2", "3"], await page.Locator(".pager .pager-page").AllInnerTextsAsync());
        Assert.Equal(["‹ 이전"], await page.Locator(".pager .pager-step").AllInnerTextsAsync());
        await BrowserFixture.ScreenshotAsync(page, "voyage-list-filtered-phone");
    }

    [Fact]
    public async Task The_list_sorts_by_eta_with_ships_without_one_last()
    {
        await SeedAsync();
        var page = await browser.LoginAsync(HosVesselFactory.AdminUsername, HosVesselFactory.AdminPassword);

        await page.GotoAsync("/voyage?line=cix&sort=eta");

        var names = await page.Locator(".voyage-table .ship-link").AllInnerTextsAsync();
        Assert.Equal(["HYUNDAI LATE 04", "HYUNDAI LATE 03", "HYUNDAI LATE 02", "HYUNDAI LATE 01", "HYUNDAI NO ETA"], names);
        await page.ClickAsync(".sort-links a:text('선박명')");
        await page.WaitForURLAsync(url => !url.Contains("sort="));
        Assert.Equal(["HYUNDAI LATE 01", "HYUNDAI LATE 02", "HYUNDAI LATE 03", "HYUNDAI LATE 04", "HYUNDAI NO ETA"],
            await page.Locator(".voyage-table .ship-link").AllInnerTextsAsync());
        Assert.Contains("line=cix", page.Url);
    }

    // 50 FE4 ships whose ETAs do not follow their names, and five CIX ships, one without an ETA.
    private async Task SeedAsync()
    {
        await Seeded.WaitAsync();
        try
        {
            if (seeded)
            {
                return;
            }
            var items = new JsonArray();
            for (var i = 1; i <= 50; i++)
            {
                items.Add(new JsonObject
                {
                    ["vessel_name"] = $"HYUNDAI PAGE {i:00}", ["line"] = "FE4",
                    ["next_port"] = new JsonObject { ["port"] = "GBFXT(GBR)", ["eta"] = $"2026-12-{1 + i * 7 % 28:00} {i % 24:00}:00" },
                });
            }
            for (var i = 1; i <= 4; i++)
            {
                items.Add(new JsonObject
                {
                    ["vessel_name"] = $"HYUNDAI LATE {i:00}", ["line"] = "CIX",
                    ["next_port"] = new JsonObject { ["port"] = "USLAX(APM)", ["eta"] = $"2027-01-{10 - i:00} 08:00" },
                });
            }
            items.Add(new JsonObject { ["vessel_name"] = "HYUNDAI NO ETA", ["line"] = "CIX" });
            await browser.App.CreateClient().PushOkAsync(items.ToJsonString());
            seeded = true;
        }
        finally
        {
            Seeded.Release();
        }
    }
}
