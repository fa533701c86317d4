using System.Text;

namespace HosVessel.AppHost.Publishing;

/// <summary>
/// Writes the <c>Caddyfile</c> site block: the durable way to route to the app, imported into Caddy's own
/// Caddyfile with the public name and the upstream as arguments. Same route as <see cref="CaddyRouteWriter"/>.
/// </summary>
public static class CaddyFileWriter
{
    public const string FileName = "Caddyfile";

    /// <summary>
    /// Only what the proxy alone can say: HTTPS is pinned where HTTPS ends. The app sends its own
    /// content-type, framing, referrer and content-security policies on every response.
    /// </summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> ProxyHeaders =
    [
        new("Strict-Transport-Security", "max-age=31536000"),
    ];

    /// <summary>Headers that only tell an attacker which server software runs behind the proxy.</summary>
    public static readonly IReadOnlyList<string> RemovedHeaders = ["Server", "X-Powered-By"];

    public static string DefaultUpstream => $"localhost:{DeploymentModel.DefaultHostPort}";

    public static string ContainerUpstream => $"{DeploymentModel.ProxyAlias}:{DeploymentModel.DefaultHostPort}";

    public static string Write(DeploymentModel model)
    {
        var text = new StringBuilder();
        text.Append(GeneratedHeader.Lines("#"));
        text.Append("# Import it in Caddy's Caddyfile (top level) with two arguments, the public name and where Caddy reaches the app:\n");
        text.Append($"#   import /path/to/hosvessel/aspire-manifest/Caddyfile hos.example.com {DefaultUpstream}\n");
        text.Append($"# Caddy in a container on {DeploymentModel.ProxyNetworkVariable}: mount this file and use {ContainerUpstream} as the upstream.\n");
        // {args.N} rather than {args[N]}: Debian and Ubuntu ship Caddy 2.6, which knows only this spelling.
        text.Append("{args.0} {\n");
        text.Append("\tencode gzip\n");
        text.Append("\theader {\n");
        foreach (var (name, value) in ProxyHeaders)
        {
            text.Append($"\t\t{name} \"{value}\"\n");
        }
        foreach (var name in RemovedHeaders)
        {
            text.Append($"\t\t-{name}\n");
        }
        text.Append("\t}\n");
        // Caddy replaces any client-sent X-Forwarded-For/-Proto/-Host, so the app can trust what arrives.
        text.Append("\treverse_proxy {args.1}\n");
        text.Append("}\n");
        return text.ToString();
    }
}
