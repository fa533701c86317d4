using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace HosVessel.Web.Proxy;

/// <summary>
/// Honours X-Forwarded-For/-Proto/-Host only when the request comes from a trusted network (the reverse
/// proxy), so behind Caddy the app sees https and the real client IP, while a direct request to the
/// app's port cannot spoof its address with a header.
/// </summary>
public static class TrustedProxies
{
    /// <summary>Comma-separated CIDRs that replace <see cref="DefaultNetworks"/>.</summary>
    public const string NetworksSetting = DeploymentContract.TrustedNetworksVariable;

    /// <summary>
    /// Loopback plus 172.16.0.0/12, where Docker puts its bridge networks (and so the Caddy container). Office LANs
    /// (10/8, 192.168/16) are left out: a PC there reaching the app's port directly could otherwise write any client
    /// address into the logs and the login throttle. An operator whose Caddy is elsewhere sets the setting.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultNetworks = ["127.0.0.0/8", "::1/128", "172.16.0.0/12"];

    public static IHostApplicationBuilder AddTrustedProxies(this IHostApplicationBuilder builder)
    {
        var networks = ParseNetworks(builder.Configuration[NetworksSetting]);
        // PostConfigure: ASPNETCORE_FORWARDEDHEADERS_ENABLED (set by Aspire) would otherwise clear the list and trust everyone.
        builder.Services.PostConfigure<ForwardedHeadersOptions>(options => Configure(options, networks));
        return builder;
    }

    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app) => app.UseForwardedHeaders();

    public static void Configure(ForwardedHeadersOptions options, IReadOnlyList<IPNetwork> networks)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(network);
        }
        // Caddy replaces any client-sent X-Forwarded-For, so exactly one hop is the proxy's.
        options.ForwardLimit = 1;
    }

    /// <summary>Parses the setting; an empty or missing value means <see cref="DefaultNetworks"/>.</summary>
    public static IReadOnlyList<IPNetwork> ParseNetworks(string? setting)
    {
        var entries = string.IsNullOrWhiteSpace(setting)
            ? DefaultNetworks
            : setting.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return entries.Select(ParseNetwork).ToList();
    }

    private static IPNetwork ParseNetwork(string entry)
    {
        if (IPNetwork.TryParse(entry, out var network))
        {
            return network;
        }
        if (IPAddress.TryParse(entry, out var address))
        {
            return new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        }
        throw new InvalidOperationException(
            $"{NetworksSetting} holds '{entry}', which is not a network like 172.16.0.0/12 or an IP address.");
    }
}
