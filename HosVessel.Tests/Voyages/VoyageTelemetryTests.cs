using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using HosVessel.Tests.Infrastructure;

namespace HosVessel.Tests.Voyages;

/// <summary>What an operator sees in the dashboard for a push: its span with counts, and the push metrics.</summary>
public sealed class VoyageTelemetryTests(HosVesselFactory factory) : IClassFixture<HosVesselFactory>
{
    [Fact]
    public async Task A_push_records_a_span_with_its_counts_and_the_push_metrics()
    {
        var spans = new ConcurrentBag<Activity>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "HosVessel",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(activityListener);
        var measurements = new ConcurrentBag<(string Instrument, double Value, string? Result)>();
        using var meterListener = new MeterListener();
        meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "HosVessel" && instrument.Name.StartsWith("hosvessel.voyage.", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Add((instrument.Name, value, Result(tags))));
        meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Add((instrument.Name, value, Result(tags))));
        meterListener.Start();
        var linkedName = VoyageFeedClient.Unique("TELEMETRY");
        await factory.InsertRegisterVesselAsync(linkedName);
        var names = Enumerable.Range(1, 12).Select(i => $"TELEMETRY UNLINKED {i}").Append(linkedName).ToArray();

        await factory.CreateClient().PushOkAsync(VoyageFeedClient.Items(names));

        var span = Assert.Single(spans, s => s.DisplayName == "voyage push" && Equals(s.GetTagItem("voyage.received"), 13));
        Assert.Equal((1, 12), ((int)span.GetTagItem("voyage.linked")!, (int)span.GetTagItem("voyage.unlinked")!));
        Assert.Contains(measurements, m => m is ("hosvessel.voyage.pushes", 1, "200"));
        Assert.Contains(measurements, m => m is ("hosvessel.voyage.items", 13, "200"));
        Assert.Contains(measurements, m => m.Instrument == "hosvessel.voyage.push.duration" && m.Value > 0 && m.Result == "200");
    }

    private static string? Result(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "result")
            {
                return tag.Value as string;
            }
        }
        return null;
    }
}
