using System.Net;
using HosVessel.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace HosVessel.Tests.Accounts;

/// <summary>
/// The app with a clock tests can advance, a header that sets the client IP (TestServer has none),
/// a captured log, and an endpoint that throws so the 500 page can be seen outside Development.
/// </summary>
public class AccountsFactory : HosVesselFactory
{
    public const string ClientIpHeader = "X-Test-Client-IP";
    public const string ThrowingPath = "/test/throw";
    public const string ThrownMessage = "boom-secret-detail-7f3a";

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public FakeLogCollector Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.CaptureLogs(Logs);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, TestHooks>();
        });
    }

    /// <summary>A cookie-keeping client whose requests come from <paramref name="clientIp"/>.</summary>
    public HttpClient CreateClientFrom(string clientIp, string baseAddress = "http://localhost")
    {
        var client = CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(baseAddress) });
        client.DefaultRequestHeaders.Add(ClientIpHeader, clientIp);
        return client;
    }

    private sealed class TestHooks : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientIpHeader, out var ip))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(ip.ToString());
                }
                return nextMiddleware(context);
            });
            next(app);
            // Runs after the app's own pipeline found no endpoint, so its exception handler sees the throw.
            app.Use((context, nextMiddleware) => context.Request.Path == ThrowingPath
                ? throw new InvalidOperationException(ThrownMessage)
                : nextMiddleware(context));
        };
    }
}
