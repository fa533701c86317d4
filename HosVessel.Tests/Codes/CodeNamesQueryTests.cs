using System.Diagnostics;
using HosVessel.Tests.Telemetry;
using HosVessel.Tests.Vessels;
using HosVessel.Web.Codes;
using HosVessel.Web.Data;
using HosVessel.Web.Vessels;
using Microsoft.Extensions.DependencyInjection;

namespace HosVessel.Tests.Codes;

/// <summary>
/// Names come from memory: a list page of 20 ships, each with five codes, reads <c>code_names</c> not at all once
/// the names are loaded, and once again after a name changes; never once per row.
/// </summary>
public sealed class CodeNamesQueryTests(TracingTests.TracedFactory factory) : IClassFixture<TracingTests.TracedFactory>
{
    [Fact]
    public async Task A_list_page_reads_the_names_at_most_once_and_only_after_a_change()
    {
        var tag = VesselSamples.NewShipCode();
        var store = factory.Services.GetRequiredService<VesselStore>();
        string[] flags = ["KOR", "PAN", "LBR", "MHL", "SGP"];
        for (var i = 0; i < 20; i++)
        {
            var fields = VesselSamples.Valid($"HYUNDAI {tag} {i:00}");
            (fields.Flag, fields.Class, fields.Tic) = (flags[i % 5], i % 2 == 0 ? "LR+KR" : "KR/ABS", $"T{i}");
            Assert.True((await store.CreateAsync(fields)).Succeeded);
        }
        var client = await factory.LoginAsViewerAsync("codes-viewer");
        var url = $"/vessel/list?name={tag}";
        await client.GetStringAsync(url);

        Assert.Equal(0, await NameReadsAsync(client, url));

        await factory.Services.GetRequiredService<CodeStore>().SaveAsync(new CodeInput("tic", "T1", "컨테이너 1팀"));
        Assert.Equal(1, await NameReadsAsync(client, url));
        Assert.Equal(0, await NameReadsAsync(client, url));
    }

    private async Task<int> NameReadsAsync(HttpClient client, string url)
    {
        var trace = ActivityTraceId.CreateRandom();
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Equal(20, html.Split("class=\"ship-link\"").Length - 1);
        await factory.WaitForServerSpanAsync(trace);
        return factory.Spans(span => span.Source.Name == SqlTracing.SourceName && span.TraceId == trace
            && ((string?)span.GetTagItem("db.query.text"))?.Contains("code_names", StringComparison.Ordinal) == true).Count;
    }
}
