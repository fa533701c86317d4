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
        Assert.Contains("홈으로", html);
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
