using HosVessel.Tests.Infrastructure;
using HosVessel.Tests.Vessels;
using HosVessel.Web.Accounts;
using HosVessel.Web.Pages.Account;

namespace HosVessel.Tests.Pages.Account;

/// <summary>A form posted with several mistakes shows every one at once, each beside its field, in natural Korean.</summary>
public sealed class FormErrorsTests(HosVesselFactory factory) : IClassFixture<HosVesselFactory>
{
    private const string Password = "Current-Passw0rd!";

    [Fact]
    public async Task Sign_up_with_three_bad_fields_shows_three_errors_beside_them()
    {
        var admin = await factory.LoginAsAdminAsync();

        var response = await admin.PostFormAsync("/signup", new() { ["username"] = "ab", ["password"] = "short", ["role"] = "captain" });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertInOrder(html, "id=\"username\"", AccountRules.UsernameInvalid, "id=\"password\"", AccountRules.PasswordLength, "id=\"role\"", AccountRules.RoleInvalid);
        Assert.Equal(3, Count(html, "field-validation-error"));
    }

    [Fact]
    public async Task Sign_up_with_a_taken_name_and_a_common_password_names_both()
    {
        var admin = await factory.LoginAsAdminAsync();

        var response = await admin.PostFormAsync("/signup", new() { ["username"] = HosVesselFactory.AdminUsername, ["password"] = "1234567890", ["role"] = Roles.Viewer });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        AssertInOrder(html, "id=\"username\"", AccountRules.UsernameTaken, "id=\"password\"", AccountRules.PasswordCommon);
    }

    [Fact]
    public async Task A_password_change_with_every_field_wrong_shows_every_error()
    {
        var client = await factory.LoginAsViewerAsync("errors-at-once", Password);

        var response = await client.PostFormAsync("/account/password", new()
        {
            ["currentPassword"] = "Wrong-Passw0rd!",
            ["newPassword"] = "short",
            ["confirmPassword"] = "other",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertInOrder(html, "id=\"currentPassword\"", PasswordModel.WrongCurrentPassword, "id=\"newPassword\"", AccountRules.PasswordLength,
            "id=\"confirmPassword\"", PasswordModel.ConfirmMismatch);
        await factory.LoginAsync("errors-at-once", Password);
    }

    [Fact]
    public async Task The_vessel_form_names_every_missing_field_with_the_right_particle()
    {
        var admin = await factory.LoginAsAdminAsync();
        var form = VesselSamples.Form(VesselSamples.Valid());
        form["imo_no"] = "";
        form["class"] = "";
        form["size"] = "";
        form["ship_code"] = "";

        var html = WebUtility.HtmlDecode(await (await admin.PostFormAsync("/vessel/new", form)).Content.ReadAsStringAsync());

        Assert.Contains("IMO 번호를 입력하세요. 예: 9321483", html);
        Assert.Contains("선급을 입력하세요.", html);
        Assert.Contains("크기를 입력하세요.", html);
        Assert.Contains("선박 코드를 입력하세요.", html);
        Assert.DoesNotContain("(를)", html);
    }

    private static void AssertInOrder(string html, params string[] parts)
    {
        var at = 0;
        foreach (var part in parts)
        {
            var found = html.IndexOf(part, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{part}' not found after position {at}");
            at = found + part.Length;
        }
    }

    private static int Count(string html, string part) => (html.Length - html.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
