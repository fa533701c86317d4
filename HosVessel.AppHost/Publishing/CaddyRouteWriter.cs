using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HosVessel.AppHost.Publishing;

/// <summary>
/// Writes <c>caddy-route.json</c> (the route for Caddy's admin API, with <c>__HOS_DOMAIN__</c> and
/// <c>__HOS_UPSTREAM__</c> for the script to fill in) and <c>caddy-route.sh</c>, which registers it.
/// </summary>
public static class CaddyRouteWriter
{
    public const string RouteFileName = "caddy-route.json";
    public const string ScriptFileName = "caddy-route.sh";
    public const string DomainToken = "__HOS_DOMAIN__";
    public const string UpstreamToken = "__HOS_UPSTREAM__";

    public static string WriteRoute(DeploymentModel model)
    {
        var headers = new JsonObject
        {
            ["handler"] = "headers",
            ["response"] = new JsonObject
            {
                ["set"] = new JsonObject(CaddyFileWriter.ProxyHeaders.Select(h =>
                    KeyValuePair.Create<string, JsonNode?>(h.Key, new JsonArray(h.Value)))),
                ["delete"] = new JsonArray(CaddyFileWriter.RemovedHeaders.Select(h => (JsonNode?)h).ToArray()),
                // Deferred, so the upstream's own Server header is removed too.
                ["deferred"] = true,
            },
        };
        var route = new JsonObject
        {
            ["@id"] = DeploymentModel.RouteId,
            ["match"] = new JsonArray(new JsonObject { ["host"] = new JsonArray(DomainToken) }),
            ["handle"] = new JsonArray(new JsonObject
            {
                ["handler"] = "subroute",
                ["routes"] = new JsonArray(new JsonObject
                {
                    ["handle"] = new JsonArray(
                        headers,
                        new JsonObject { ["handler"] = "encode", ["encodings"] = new JsonObject { ["gzip"] = new JsonObject() } },
                        new JsonObject
                        {
                            ["handler"] = "reverse_proxy",
                            ["upstreams"] = new JsonArray(new JsonObject { ["dial"] = UpstreamToken }),
                        }),
                }),
            }),
            ["terminal"] = true,
        };
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return route.ToJsonString(options).ReplaceLineEndings("\n") + "\n";
    }

    public static string WriteScript(DeploymentModel model) =>
        EmbeddedTemplate.Fill(EmbeddedTemplate.Read(ScriptFileName), new Dictionary<string, string>
        {
            ["HEADER"] = GeneratedHeader.Lines("#").TrimEnd('\n'),
            ["ROUTE_ID"] = DeploymentModel.RouteId,
            ["ROUTE_FILE"] = RouteFileName,
            ["CADDYFILE"] = CaddyFileWriter.FileName,
            ["DEFAULT_UPSTREAM"] = CaddyFileWriter.DefaultUpstream,
            ["DOMAIN_TOKEN"] = DomainToken,
            ["UPSTREAM_TOKEN"] = UpstreamToken,
        });
}
