using System.Diagnostics.Metrics;
using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Vessels;
using Microsoft.Extensions.DependencyInjection;

namespace HosVessel.Tests.Vessels;

public sealed class VesselMetricsTests(HosVesselFactory factory) : IClassFixture<HosVesselFactory>
{
    [Fact]
    public async Task Creates_updates_and_deletes_are_counted_on_the_hosvessel_meter()
    {
        var counted = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "HosVessel" && instrument.Name.StartsWith("hosvessel.vessels.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (counted)
            {
                counted[instrument.Name] = counted.GetValueOrDefault(instrument.Name) + value;
            }
        });
        listener.Start();
        var store = factory.Services.GetRequiredService<VesselStore>();

        var fields = VesselSamples.Valid();
        var id = (await store.CreateAsync(fields)).Id!.Value;
        await store.UpdateAsync(id, fields);
        await store.DeleteAsync(id);

        lock (counted)
        {
            Assert.True(counted.GetValueOrDefault("hosvessel.vessels.created") >= 1);
            Assert.True(counted.GetValueOrDefault("hosvessel.vessels.updated") >= 1);
            Assert.True(counted.GetValueOrDefault("hosvessel.vessels.deleted") >= 1);
        }
    }
}
