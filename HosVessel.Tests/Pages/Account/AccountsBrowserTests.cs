using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Accounts;
using HosVessel.Web.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HosVessel.Tests.Pages.Account;

[Trait(TestCategory.Name, TestCategory.Slow)]
public sealed class AccountsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_wrong_password_shows_the_error_on_the_login_page()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("input[name=username]", HosVesselFactory.AdminUsername);
        await page.FillAsync("input[name=password]", "not-the-password");
        await page.ClickAsync("main form button[type=submit]");

        var error = page.Locator(".form-error");
        await error.WaitForAsync();
        Assert.Equal(LoginModel.FailureMessage, await error.InnerTextAsync());
        Assert.Contains("/login", page.Url);
        Assert.Equal(HosVesselFactory.AdminUsername, await page.InputValueAsync("input[name=username]"));
    }

    [Fact]
    public async Task A_viewer_sees_no_admin_links_in_the_nav_or_on_the_home_page()
    {
        await browser.App.EnsureUserAsync("browser-viewer", "Viewer-Passw0rd!", Roles.Viewer);
        var page = await browser.LoginAsync("browser-viewer", "Viewer-Passw0rd!");

        var nav = await page.Locator(".nav a").AllInnerTextsAsync();
        Assert.DoesNotContain("사용자", nav);
        Assert.DoesNotContain("선박 등록", nav);
        Assert.Contains("browser-viewer · 계정", nav);
        Assert.Contains("비밀번호 변경", nav);
        Assert.Equal(0, await page.Locator("#data-quality").CountAsync());
        Assert.Equal(0, await page.Locator("a[href='/users'], a[href='/signup'], a[href='/vessel/new']").CountAsync());

        await page.GotoAsync("/users");
        Assert.Equal("접근 권한이 없습니다.", await page.InnerTextAsync("h1"));
    }

    [Fact]
    public async Task Admin_account_pages_render_without_csp_violations()
    {
        var page = await browser.LoginAsync(HosVesselFactory.AdminUsername, HosVesselFactory.AdminPassword);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        await page.ClickAsync(".nav a[href='/users']");
        await page.WaitForURLAsync("**/users");
        Assert.Equal("사용자 관리", await page.InnerTextAsync("h1"));
        await page.ClickAsync("a[href='/signup']");
        await page.WaitForURLAsync("**/signup");
        await page.FillAsync("input[name=username]", "shot-viewer");
        await page.FillAsync("input[name=password]", "Shot-Passw0rd!");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync("**/users");
        Assert.Contains("shot-viewer", await page.InnerTextAsync(".flash"));

        Assert.Empty(violations);
    }

    [Fact]
    public async Task A_form_submitted_without_its_antiforgery_token_is_rejected_with_400()
    {
        var page = await browser.LoginAsync(HosVesselFactory.AdminUsername, HosVesselFactory.AdminPassword);
        await page.GotoAsync("/signup");
        await page.FillAsync("input[name=username]", "csrf-browser");
        await page.FillAsync("input[name=password]", "Csrf-Passw0rd!");
        await page.EvaluateAsync("document.querySelectorAll('input[name=__RequestVerificationToken]').forEach(input => input.remove())");

        var response = await page.RunAndWaitForResponseAsync(
            () => page.ClickAsync("main form button[type=submit]"),
            response => response.Url.EndsWith("/signup") && response.Request.Method == "POST");

        Assert.Equal(400, response.Status);
        Assert.Null(await browser.App.Services.GetRequiredService<UserStore>().FindByUsernameAsync("csrf-browser"));
    }
}
