using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Accounts;
using HosVessel.Web.Pages.Account;

namespace HosVessel.Tests.Pages.Account;

public sealed class PasswordPageTests(HosVesselFactory factory) : IClassFixture<HosVesselFactory>
{
    private const string Password = "Current-Passw0rd!";

    [Fact]
    public async Task A_viewer_changes_their_password_and_their_other_sessions_end()
    {
        var here = await factory.LoginAsViewerAsync("pw-changer", Password);
        var elsewhere = await factory.LoginAsync("pw-changer", Password);

        var response = await here.PostFormAsync("/account/password", new()
        {
            ["currentPassword"] = Password,
            ["newPassword"] = "Brand-New-Passw0rd!",
            ["confirmPassword"] = "Brand-New-Passw0rd!",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("비밀번호를 바꿨습니다.", await here.GetStringAsync(response.Headers.Location));
        Assert.Contains("/login", (await elsewhere.GetAsync("/account/password")).Headers.Location!.OriginalString);
        var old = await factory.CreateBrowserClient().PostFormAsync("/login", new() { ["username"] = "pw-changer", ["password"] = Password });
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        await factory.LoginAsync("pw-changer", "Brand-New-Passw0rd!");
    }

    [Theory]
    [InlineData("Wrong-Passw0rd!", "Another-Passw0rd!", "Another-Passw0rd!", PasswordModel.WrongCurrentPassword)]
    [InlineData(Password, "Another-Passw0rd!", "Different-Passw0rd!", PasswordModel.ConfirmMismatch)]
    [InlineData(Password, "short", "short", AccountRules.PasswordLength)]
    [InlineData(Password, "password123", "password123", AccountRules.PasswordCommon)]
    [InlineData(Password, Password, Password, PasswordModel.SameAsCurrent)]
    [InlineData("", "Another-Passw0rd!", "Another-Passw0rd!", "현재 비밀번호를 입력하세요.")]
    public async Task A_refused_change_says_why_in_korean_and_keeps_the_old_password(string current, string next, string confirm, string message)
    {
        var username = $"pw-refused-{Guid.NewGuid():N}"[..24];
        var client = await factory.LoginAsViewerAsync(username, Password);

        var response = await client.PostFormAsync("/account/password", new()
        {
            ["currentPassword"] = current,
            ["newPassword"] = next,
            ["confirmPassword"] = confirm,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        await factory.LoginAsync(username, Password);
    }

    [Fact]
    public async Task Guessing_the_current_password_is_throttled_like_logins()
    {
        var client = await factory.LoginAsViewerAsync("pw-guesser", Password);
        HttpResponseMessage? response = null;
        for (var i = 0; i <= LoginThrottle.MaxFailures; i++)
        {
            response = await client.PostFormAsync("/account/password", new()
            {
                ["currentPassword"] = $"guess-{i}-Passw0rd",
                ["newPassword"] = "Taken-Over-Passw0rd!",
                ["confirmPassword"] = "Taken-Over-Passw0rd!",
            });
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, response!.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("로그인 시도가 너무 많습니다.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_login()
    {
        var response = await factory.CreateBrowserClient().GetAsync("/account/password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/login", response.Headers.Location!.OriginalString);
    }
}
