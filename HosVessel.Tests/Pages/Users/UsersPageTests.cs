using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;
using UsersPage = HosVessel.Web.Pages.Users.IndexModel;

namespace HosVessel.Tests.Pages.Users;

public sealed class UsersPageTests(HosVesselFactory factory) : IClassFixture<HosVesselFactory>
{
    private const string Password = "Users-Passw0rd!";

    private UserStore Store => factory.Services.GetRequiredService<UserStore>();

    [Fact]
    public async Task Admin_creates_a_viewer_who_can_then_log_in_but_not_manage_users()
    {
        var admin = await factory.LoginAsAdminAsync();

        var html = await PostAndFollowAsync(admin, "/signup", new() { ["username"] = "new-viewer", ["password"] = Password, ["role"] = Roles.Viewer });

        Assert.Contains("사용자 'new-viewer'를 만들었습니다.", html);
        Assert.Contains("data-username=\"new-viewer\"", html);
        var viewer = await factory.LoginAsync("new-viewer", Password);
        var refused = await viewer.GetAsync("/users");
        Assert.Contains("/access-denied", refused.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("ab", Password, AccountRules.UsernameInvalid)]
    [InlineData("한글아이디", Password, AccountRules.UsernameInvalid)]
    [InlineData("-dash-first", Password, AccountRules.UsernameInvalid)]
    [InlineData("", Password, AccountRules.UsernameRequired)]
    [InlineData("short-pass", "Ab1!", AccountRules.PasswordLength)]
    [InlineData("nine-chars", "Abcde12!x", AccountRules.PasswordLength)]
    [InlineData("common-pass", "1234567890", AccountRules.PasswordCommon)]
    [InlineData("common-case", "QwertyUIOP", AccountRules.PasswordCommon)]
    [InlineData("no-pass", "", AccountRules.PasswordRequired)]
    [InlineData("same-as-name", "same-as-name", AccountRules.PasswordSameAsUsername)]
    [InlineData("ADMIN", Password, AccountRules.UsernameTaken)]
    public async Task Sign_up_refuses_bad_input_in_korean_and_keeps_the_username(string username, string password, string message)
    {
        var admin = await factory.LoginAsAdminAsync();

        var response = await admin.PostFormAsync("/signup", new() { ["username"] = username, ["password"] = password, ["role"] = Roles.Viewer });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, html);
        if (username.Length > 0)
        {
            Assert.Contains($"name=\"username\" value=\"{username}\"", html);
        }
        if (username != "ADMIN")
        {
            Assert.Null(await Store.FindByUsernameAsync(username));
        }
    }

    [Fact]
    public async Task A_role_change_takes_effect_on_the_users_next_request_without_logging_in_again()
    {
        await factory.EnsureUserAsync("promote-me", Password, Roles.Viewer);
        var id = (await Store.FindByUsernameAsync("promote-me"))!.Id;
        var admin = await factory.LoginAsAdminAsync();
        var promoted = await factory.LoginAsync("promote-me", Password);

        var html = await PostAndFollowAsync(admin, "/users?handler=Role", new() { ["id"] = $"{id}", ["role"] = Roles.Admin }, "/users");
        Assert.Contains("'promote-me'의 권한을 관리자로 바꿨습니다.", html);
        Assert.Equal(HttpStatusCode.OK, (await promoted.GetAsync("/users")).StatusCode);

        await PostAndFollowAsync(admin, "/users?handler=Role", new() { ["id"] = $"{id}", ["role"] = Roles.Viewer }, "/users");
        var refused = await promoted.GetAsync("/users");
        Assert.Contains("/access-denied", refused.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Resetting_a_password_ends_that_users_sessions_and_only_the_new_password_works()
    {
        await factory.EnsureUserAsync("reset-me", Password, Roles.Viewer);
        var id = (await Store.FindByUsernameAsync("reset-me"))!.Id;
        var admin = await factory.LoginAsAdminAsync();
        var session = await factory.LoginAsync("reset-me", Password);

        var html = await PostAndFollowAsync(admin, "/users?handler=Password", new() { ["id"] = $"{id}", ["password"] = "Fresh-Passw0rd!" }, "/users");

        Assert.Contains("'reset-me'의 비밀번호를 재설정했습니다.", html);
        Assert.Contains("/login", (await session.GetAsync("/account/password")).Headers.Location!.OriginalString);
        var oldPassword = await factory.CreateBrowserClient().PostFormAsync("/login", new() { ["username"] = "reset-me", ["password"] = Password });
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        await factory.LoginAsync("reset-me", "Fresh-Passw0rd!");
    }

    [Fact]
    public async Task A_reset_to_a_too_short_password_is_refused_and_the_old_one_keeps_working()
    {
        await factory.EnsureUserAsync("short-reset", Password, Roles.Viewer);
        var id = (await Store.FindByUsernameAsync("short-reset"))!.Id;
        var admin = await factory.LoginAsAdminAsync();

        var html = await PostAndFollowAsync(admin, "/users?handler=Password", new() { ["id"] = $"{id}", ["password"] = "short" }, "/users");

        Assert.Contains(AccountRules.PasswordLength, html);
        await factory.LoginAsync("short-reset", Password);
    }

    [Fact]
    public async Task Deleting_a_user_removes_them_from_the_list_and_ends_their_session()
    {
        await factory.EnsureUserAsync("delete-me", Password, Roles.Viewer);
        var id = (await Store.FindByUsernameAsync("delete-me"))!.Id;
        var admin = await factory.LoginAsAdminAsync();
        var session = await factory.LoginAsync("delete-me", Password);

        var html = await PostAndFollowAsync(admin, "/users?handler=Delete", new() { ["id"] = $"{id}" }, "/users");

        Assert.Contains("사용자 'delete-me'를 삭제했습니다.", html);
        Assert.DoesNotContain("data-username=\"delete-me\"", html);
        Assert.Contains("/login", (await session.GetAsync("/account/password")).Headers.Location!.OriginalString);
        Assert.Null(await Store.FindByUsernameAsync("delete-me"));
    }

    [Fact]
    public async Task The_list_shows_every_user_with_their_role_and_marks_the_current_admin()
    {
        await factory.EnsureUserAsync("listed-viewer", Password, Roles.Viewer);
        var admin = await factory.LoginAsAdminAsync();

        var html = await admin.GetStringAsync("/users");

        Assert.Contains("사용자 관리", html);
        Assert.Contains("data-username=\"listed-viewer\"", html);
        Assert.Contains("<span class=\"badge you\">나</span>", html);
        Assert.Contains("href=\"/signup\"", html);
    }

    internal static async Task<string> PostAndFollowAsync(HttpClient client, string url, Dictionary<string, string> fields, string? formPageUrl = null)
    {
        var response = await client.PostFormAsync(url, fields, formPageUrl);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"POST {url} answered {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location));
    }
}

public sealed class LastAdminTests(HosVesselFactory factory) : IClassFixture<HosVesselFactory>
{
    [Fact]
    public async Task The_last_admin_cannot_be_demoted_or_deleted_and_an_admin_cannot_lock_themselves_out()
    {
        var store = factory.Services.GetRequiredService<UserStore>();
        var admin = await factory.LoginAsAdminAsync();
        var adminId = (await store.FindByUsernameAsync(HosVesselFactory.AdminUsername))!.Id;

        Assert.Equal(UserChange.LastAdmin, await store.ChangeRoleAsync(adminId, Roles.Viewer));
        Assert.Equal(UserChange.LastAdmin, await store.DeleteAsync(adminId));
        var demote = await UsersPageTests.PostAndFollowAsync(admin, "/users?handler=Role", new() { ["id"] = $"{adminId}", ["role"] = Roles.Viewer }, "/users");
        Assert.Contains(UsersPage.LastAdminMessage, demote);
        var delete = await UsersPageTests.PostAndFollowAsync(admin, "/users?handler=Delete", new() { ["id"] = $"{adminId}" }, "/users");
        Assert.Contains(UsersPage.LastAdminMessage, delete);

        await factory.EnsureUserAsync("second-admin", "Second-Passw0rd!", Roles.Admin);
        var self = await UsersPageTests.PostAndFollowAsync(admin, "/users?handler=Delete", new() { ["id"] = $"{adminId}" }, "/users");
        Assert.Contains(UsersPage.SelfMessage, self);

        Assert.Equal(Roles.Admin, (await store.FindByIdAsync(adminId))!.Role);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/users")).StatusCode);
    }
}
