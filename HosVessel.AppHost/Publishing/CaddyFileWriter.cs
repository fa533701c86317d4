using System.Text;

namespace HosVessel.AppHost.Publishing;

/// <summary>
/// Writes the <c>Caddyfile</c> site block, for an operator who prefers editing Caddy's config to the
/// admin-API script. Same route, same headers as <see cref="CaddyRouteWriter"/>.
/// </summary>
public static class CaddyFileWriter
{
    public const string FileName = "Caddyfile";

    /// <summary>Response headers set on every answer: no sniffing, no framing, HTTPS pinned.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> SecurityHeaders =
    [
        new("Strict-Transport-Security", "max-age=31536000"),
        new("X-Content-Type-Options", "nosniff"),
        new("X-Frame-Options", "DENY"),
        new("Referrer-Policy", "strict-origin-when-cross-origin"),
    ];

    /// <summary>Headers that only tell an attacker which server software runs behind the proxy.</summary>
    public static readonly IReadOnlyList<string> RemovedHeaders = ["Server", "X-Powered-By"];

    public static string DefaultUpstream => $"localhost:{DeploymentModel.DefaultHostPort}";

    public static string Write(DeploymentModel model)
    {
        var text = new StringBuilder();
        text.Append(GeneratedHeader.Lines("#"));
        text.Append("# HOS_DOMAIN: the public DDNS name. HOS_UPSTREAM: where the web container's port is reachable from Caddy\n");
        text.Append($"# (default {DefaultUpstream}; from a Caddy container e.g. host.docker.internal:{DeploymentModel.DefaultHostPort}).\n");
        text.Append("{$HOS_DOMAIN} {\n");
        text.Append("\tencode gzip\n");
        text.Append("\theader {\n");
        foreach (var (name, value) in SecurityHeaders)
        {
            text.Append($"\t\t{name} \"{value}\"\n");
        }
        foreach (var name in RemovedHeaders)
        {
            text.Append($"\t\t-{name}\n");
        }
        text.Append("\t}\n");
        // Caddy replaces any client-sent X-Forwarded-For/-Proto/-Host, so the app can trust what arrives.
        text.Append($"\treverse_proxy {{$HOS_UPSTREAM:{DefaultUpstream}}}\n");
        text.Append("}\n");
        return text.ToString();
    }
}
