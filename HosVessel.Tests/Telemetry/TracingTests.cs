using System.Collections.ObjectModel;
using System.Diagnostics;
using HosVessel.Tests.Infrastructure;
using HosVessel.Tests.Voyages;
using HosVessel.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace HosVessel.Tests.Telemetry;

/// <summary>
/// What a developer sees in the dashboard, collected with the in-memory exporter: a page's SQL spans with
/// their real durations under the request, the route and role on each request, and no health-check traces.
/// </summary>
public sealed class TracingTests(TracingTests.TracedFactory factory) : IClassFixture<TracingTests.TracedFactory>
{
    private static readonly TimeSpan ExportWait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_list_page_shows_its_sql_with_real_durations_inside_the_request_and_the_role_not_the_name()
    {
        foreach (var name in new[] { "HYUNDAI ECOPIA", "H/ECOPIA", "HMM ALGECIRAS", "HMM OSLO" })
        {
            await factory.InsertRegisterVesselAsync(VoyageFeedClient.Unique(name));
        }
        var client = await factory.LoginAsViewerAsync("tracing-viewer");

        var trace = ActivityTraceId.CreateRandom();
        // Fresh connections: FTS5 then also reads its config inside the request, which must not show as spans either.
        SqliteConnection.ClearAllPools();

        var page = await client.SendAsync(Traced(HttpMethod.Get, "/vessel/list?name=ECOPIA", trace));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var request = await factory.WaitForServerSpanAsync(trace);
        Assert.Equal("vessel/list", request.GetTagItem("http.route"));
        Assert.Equal("viewer", request.GetTagItem("user.role"));
        var sql = factory.Spans(span => span.Source.Name == SqlTracing.SourceName && span.ParentSpanId == request.SpanId);
        Assert.True(sql.Count >= 2, $"expected the count and the page query, got: {string.Join(", ", sql.Select(s => s.GetTagItem("db.query.text")))}");
        Assert.Contains(sql, span => ((string)span.GetTagItem("db.query.text")!).Contains("_search MATCH", StringComparison.Ordinal));
        // FTS5 reads its index with statements of its own inside the search; they belong to the search's span.
        Assert.DoesNotContain(sql, span => ((string)span.GetTagItem("db.query.text")!).Contains("_search_", StringComparison.Ordinal));
        Assert.All(sql, span => Assert.True(span.Duration > TimeSpan.Zero, $"{span.DisplayName} lasted {span.Duration}"));
        Assert.True(sql.Sum(span => span.Duration.Ticks) < request.Duration.Ticks,
            $"SQL {TimeSpan.FromTicks(sql.Sum(span => span.Duration.Ticks))} is not within the request's {request.Duration}");
        Assert.All(sql, span => Assert.InRange(span.StartTimeUtc, request.StartTimeUtc, request.StartTimeUtc + request.Duration));
        Assert.DoesNotContain(
            factory.Spans(span => span.TraceId == trace).SelectMany(span => span.TagObjects),
            tag => tag.Value is string text && text.Contains("tracing-viewer"));
    }

    [Fact]
    public async Task An_api_call_carries_its_route_and_the_api_key_role()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-API-Key", HosVesselFactory.ApiKey);

        var trace = ActivityTraceId.CreateRandom();

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Traced(HttpMethod.Get, "/api/vessels?name=ECOPIA", trace))).StatusCode);

        var request = await factory.WaitForServerSpanAsync(trace);
        Assert.Equal("/api/vessels/", request.GetTagItem("http.route"));
        Assert.Equal("api-key", request.GetTagItem("user.role"));
    }

    [Fact]
    public async Task Health_checks_leave_no_trace_not_even_their_database_query()
    {
        var client = factory.CreateClient();
        var healthTraces = new List<ActivityTraceId>();
        var before = factory.Spans(_ => true).Count;

        foreach (var path in new[] { "/health", "/alive", "/health" })
        {
            healthTraces.Add(ActivityTraceId.CreateRandom());
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Traced(HttpMethod.Get, path, healthTraces[^1]))).StatusCode);
        }
        // A marker request after them: once its span is exported, anything the health checks made would be too.
        var marker = ActivityTraceId.CreateRandom();
        await client.SendAsync(Traced(HttpMethod.Get, "/", marker));
        await factory.WaitForServerSpanAsync(marker);

        var added = factory.Spans(_ => true).Skip(before).ToList();
        Assert.DoesNotContain(added, span => healthTraces.Contains(span.TraceId));
        Assert.DoesNotContain(added, span => span.Source.Name == SqlTracing.SourceName && span.ParentSpanId == default);
    }

    /// <summary>A request that continues a sampled trace of the test's choosing, so its spans can be picked out.</summary>
    private static HttpRequestMessage Traced(HttpMethod method, string url, ActivityTraceId trace)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        return request;
    }

    [Fact]
    public void Without_an_exporter_the_app_sets_up_no_tracing()
    {
        using var plain = new HosVesselFactory();

        Assert.Null(plain.Services.GetService<TracerProvider>());
    }

    /// <summary>The app with the product's tracing and an in-memory exporter instead of OTLP.</summary>
    public sealed class TracedFactory : HosVesselFactory
    {
        private readonly ExportedSpans exported = [];

        public IReadOnlyList<Activity> Spans(Func<Activity, bool> predicate) => exported.Snapshot().Where(predicate).ToList();

        /// <summary>Server spans end after the response is sent, so the client can be ahead of the exporter.</summary>
        public async Task<Activity> WaitForServerSpanAsync(ActivityTraceId trace)
        {
            bool predicate(Activity span) => span.TraceId == trace && span.Kind == ActivityKind.Server;
            var deadline = Stopwatch.StartNew();
            while (true)
            {
                if (Spans(predicate) is [var span, ..])
                {
                    return span;
                }
                Assert.True(deadline.Elapsed < ExportWait, "the span was not exported");
                await Task.Delay(20);
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddOpenTelemetry().WithTracing(tracing => tracing
                .AddHosVesselTracing("HosVessel.Web")
                .AddInMemoryExporter(exported)));
        }

        // The exporter adds from whichever thread ends a request; the tests read while others may still end.
        private sealed class ExportedSpans : Collection<Activity>
        {
            public List<Activity> Snapshot()
            {
                lock (this)
                {
                    return [.. this];
                }
            }

            protected override void InsertItem(int index, Activity item)
            {
                lock (this)
                {
                    base.InsertItem(index, item);
                }
            }
        }
    }
}
