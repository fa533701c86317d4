using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;

namespace HosVessel.Web.Voyages;

/// <summary>Push metrics on the shared <c>HosVessel</c> meter, created once for the process.</summary>
public static class VoyageTelemetry
{
    public static readonly Counter<long> Pushes = Extensions.Meter.CreateCounter<long>(
        "hosvessel.voyage.pushes", unit: "{push}", description: "Voyage feed pushes, by result status code");

    public static readonly Counter<long> Items = Extensions.Meter.CreateCounter<long>(
        "hosvessel.voyage.items", unit: "{item}", description: "Voyage items received in pushes");

    public static readonly Histogram<double> PushDuration = Extensions.Meter.CreateHistogram<double>(
        "hosvessel.voyage.push.duration", unit: "s", description: "Time to handle one voyage feed push");
}
