using HosVessel.Tests.Infrastructure;
using HosVessel.Tests.Vessels;
using HosVessel.Web.Accounts;
using HosVessel.Web.Vessels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HosVessel.Tests.Pages.Vessel;

[Trait(TestCategory.Name, TestCategory.Slow)]
public sealed class VesselBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private VesselStore Store => browser.App.Services.GetRequiredService<VesselStore>();

    [Fact]
    public async Task Admin_searches_pages_forward_then_creates_edits_and_deletes_a_vessel()
    {
        var tag = "BRW" + VesselSamples.NewShipCode();
        for (var i = 0; i < 25; i++)
        {
            await Store.CreateAsync(VesselSamples.Valid($"{tag} {i:00}"));
        }
        var page = await browser.LoginAsync(HosVesselFactory.AdminUsername, HosVesselFactory.AdminPassword);

        await page.GotoAsync("/vessel/list");
        await page.FillAsync("input[name=name]", tag.ToLowerInvariant());
        await page.ClickAsync("form[role=search] button[type=submit]");
        await Assertions.Expect(page.Locator(".total")).ToHaveTextAsync("총 25척");
        await page.ClickAsync("a[rel=next]");
        await page.WaitForURLAsync(url => url.Contains("page=2"));
        Assert.Contains($"name={tag.ToLowerInvariant()}", page.Url);
        Assert.Equal(5, await page.Locator(".vessel-table tbody tr").CountAsync());
        await Assertions.Expect(page.Locator("input[name=name]")).ToHaveValueAsync(tag.ToLowerInvariant());

        var fields = VesselSamples.Valid($"{tag} NEW");
        await page.ClickAsync("nav >> text=선박 등록");
        foreach (var (key, value) in VesselSamples.Form(fields))
        {
            await page.FillAsync($"input[name={key}]", value);
        }
        await page.ClickAsync("form button[type=submit]:has-text('등록')");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"{tag} NEW");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("선박을 등록했습니다.");

        await page.ClickAsync("a:has-text('수정')");
        await page.FillAsync("input[name=size]", "VLCC");
        await page.ClickAsync("form button[type=submit]:has-text('저장')");
        await Assertions.Expect(page.Locator(".facts dd").Nth(4)).ToHaveTextAsync("VLCC");

        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.ClickAsync("button:has-text('삭제')");
        await page.WaitForURLAsync(url => url.EndsWith("/vessel/list"));
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("삭제했습니다.");
        Assert.Null(await Store.FindByImoAsync(fields.ImoNo!));
    }

    [Fact]
    public async Task Dismissing_the_delete_confirmation_keeps_the_vessel()
    {
        var id = (await Store.CreateAsync(VesselSamples.Valid())).Id!.Value;
        var page = await browser.LoginAsync(HosVesselFactory.AdminUsername, HosVesselFactory.AdminPassword);
        await page.GotoAsync($"/vessel/{id}");
        string? asked = null;
        page.Dialog += async (_, dialog) =>
        {
            asked = dialog.Message;
            await dialog.DismissAsync();
        };

        await page.ClickAsync("button:has-text('삭제')");

        Assert.Contains("삭제할까요?", asked);
        Assert.EndsWith($"/vessel/{id}", page.Url);
        Assert.NotNull(await Store.FindByIdAsync(id));
    }

    [Fact]
    public async Task Viewer_sees_no_admin_buttons()
    {
        var id = (await Store.CreateAsync(VesselSamples.Valid())).Id!.Value;
        await browser.App.EnsureUserAsync("browser-viewer", "Viewer-Passw0rd!", Roles.Viewer);
        var page = await browser.LoginAsync("browser-viewer", "Viewer-Passw0rd!");

        await page.GotoAsync("/vessel/list");
        Assert.Equal(0, await page.Locator("a[href='/vessel/new'], a[href='/vessel/import']").CountAsync());
        await Assertions.Expect(page.Locator("a:has-text('CSV 다운로드')")).ToBeVisibleAsync();

        await page.GotoAsync($"/vessel/{id}");
        await Assertions.Expect(page.Locator("h2:has-text('기본 정보')")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("a:has-text('수정'), button:has-text('삭제')").CountAsync());
    }
}
