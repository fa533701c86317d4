using HosVessel.Tests.Infrastructure;

namespace HosVessel.Tests.Accounts;

public sealed class ErrorPagesTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    [Fact]
    public async Task An_unknown_address_shows_the_korean_404_page()
    {
        var response = await factory.CreateClient().GetAsync("/vessel/does/not/exist/here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("페이지를 찾을 수 없습니다", html);
        Assert.Contains("href=\"/login\"", html);
    }

    [Fact]
    public async Task Signed_in_the_404_and_403_pages_lead_to_the_lists_and_403_names_the_role()
    {
        var viewer = await factory.LoginAsViewerAsync();

        var notFound = await (await viewer.GetAsync("/error?code=404")).Content.ReadAsStringAsync();
        var forbidden = await viewer.GetAsync("/users");
        var denied = await (await viewer.GetAsync(forbidden.Headers.Location ?? new Uri("/access-denied", UriKind.Relative))).Content.ReadAsStringAsync();

        foreach (var html in new[] { notFound, denied })
        {
            Assert.Contains("<a class=\"button\" href=\"/vessel/list\">선박 목록</a>", html);
            Assert.Contains("<a class=\"button secondary\" href=\"/voyage\">운항 정보</a>", html);
        }
        Assert.Contains("<strong>관리자</strong> 권한이 필요합니다", denied);
        Assert.Contains("권한은 조회 전용입니다", denied);
    }

    [Fact]
    public async Task A_server_error_outside_development_shows_the_korean_500_page_without_a_stack_trace()
    {
        var response = await factory.CreateClient().GetAsync(AccountsFactory.ThrowingPath);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("오류가 발생했습니다", html);
        Assert.DoesNotContain(AccountsFactory.ThrownMessage, html);
        Assert.DoesNotContain("InvalidOperationException", html);
        Assert.DoesNotContain(".cs:line", html);
        Assert.Contains(factory.Logs.Entries, entry => entry.Level == Microsoft.Extensions.Logging.LogLevel.Error
            && entry.Message.Contains("unhandled exception", StringComparison.OrdinalIgnoreCase));
    }
}
