using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using HosVessel.Tests.Infrastructure;

namespace HosVessel.Tests.Foundation;

/// <summary>The whole app as the developer runs it: AppHost, SQLite resource and web, orchestrated by Aspire.</summary>
[Trait(TestCategory.Name, TestCategory.Slow)]
public sealed class AppHostTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Web_becomes_healthy_and_serves_the_home_page_from_the_database()
    {
        using var data = new TempDataDirectory();
        using var cancellation = new CancellationTokenSource(StartTimeout);
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.HosVessel_AppHost>(
            [$"HosVessel:DatabasePath={data.DatabasePath}"], cancellation.Token);
        await using var app = await appHost.BuildAsync(cancellation.Token);

        await app.StartAsync(cancellation.Token);
        await app.ResourceNotifications.WaitForResourceAsync("vessels", KnownResourceStates.Running, cancellation.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("web", cancellation.Token);

        using var client = app.CreateHttpClient("web", "http");
        var health = await client.GetAsync("/health", cancellation.Token);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync(cancellation.Token));

        var home = await client.GetAsync("/", cancellation.Token);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var html = await home.Content.ReadAsStringAsync(cancellation.Token);
        Assert.Contains("HOS 선박관리", html);
        Assert.Contains("등록 선박", html);
        Assert.True(File.Exists(data.DatabasePath), "the web app created the SQLite file the AppHost pointed it at");
    }
}
