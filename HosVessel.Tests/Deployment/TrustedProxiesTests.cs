using HosVessel.Web.Proxy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace HosVessel.Tests.Deployment;

/// <summary>Forwarded headers change the client IP and scheme only when the proxy's own address is trusted.</summary>
public sealed class TrustedProxiesTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("172.18.0.2")]
    [InlineData("172.31.255.254")]
    public async Task Proxy_on_loopback_or_a_docker_network_passes_the_real_client_ip_and_https(string proxyAddress)
    {
        var context = await SendThroughMiddlewareAsync(proxyAddress, setting: null);

        Assert.Equal(IPAddress.Parse("203.0.113.7"), context.Connection.RemoteIpAddress);
        Assert.True(context.Request.IsHttps);
        Assert.Equal("hos.example.com", context.Request.Host.Value);
    }

    [Theory]
    [InlineData("203.0.113.99")]
    [InlineData("8.8.8.8")]
    // Office LANs: a PC there that reaches the app's port directly is not a proxy.
    [InlineData("10.1.2.3")]
    [InlineData("192.168.1.10")]
    public async Task Client_on_an_untrusted_address_cannot_spoof_its_ip_or_https(string clientAddress)
    {
        var context = await SendThroughMiddlewareAsync(clientAddress, setting: null);

        Assert.Equal(IPAddress.Parse(clientAddress), context.Connection.RemoteIpAddress);
        Assert.False(context.Request.IsHttps);
        Assert.Equal("app.internal", context.Request.Host.Value);
    }

    [Fact]
    public async Task Setting_replaces_the_default_networks()
    {
        const string setting = "100.64.0.0/10, 198.51.100.5";

        var fromConfiguredProxy = await SendThroughMiddlewareAsync("198.51.100.5", setting);
        var fromDockerNetwork = await SendThroughMiddlewareAsync("172.18.0.2", setting);

        Assert.Equal(IPAddress.Parse("203.0.113.7"), fromConfiguredProxy.Connection.RemoteIpAddress);
        Assert.Equal(IPAddress.Parse("172.18.0.2"), fromDockerNetwork.Connection.RemoteIpAddress);
        Assert.False(fromDockerNetwork.Request.IsHttps);
    }

    [Fact]
    public void Invalid_setting_names_the_variable_and_the_bad_entry()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TrustedProxies.ParseNetworks("10.0.0.0/8,not-a-network"));

        Assert.Contains(TrustedProxies.NetworksSetting, error.Message);
        Assert.Contains("not-a-network", error.Message);
    }

    private static async Task<HttpContext> SendThroughMiddlewareAsync(string remoteAddress, string? setting)
    {
        var options = new ForwardedHeadersOptions();
        TrustedProxies.Configure(options, TrustedProxies.ParseNetworks(setting));
        HttpContext? seen = null;
        var middleware = new ForwardedHeadersMiddleware(
            context => { seen = context; return Task.CompletedTask; },
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance,
            Options.Create(options));
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remoteAddress);
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("app.internal");
        context.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
        context.Request.Headers["X-Forwarded-Proto"] = "https";
        context.Request.Headers["X-Forwarded-Host"] = "hos.example.com";

        await middleware.Invoke(context);
        return seen!;
    }
}
