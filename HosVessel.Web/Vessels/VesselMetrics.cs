using System.Diagnostics.Metrics;
using TelemetryDefaults = Microsoft.Extensions.Hosting.Extensions;

namespace HosVessel.Web.Vessels;

/// <summary>Register counters on the shared HosVessel meter.</summary>
public static class VesselMetrics
{
    public static readonly Counter<long> Created =
        TelemetryDefaults.Meter.CreateCounter<long>("hosvessel.vessels.created", "{vessel}", "Vessels created through the form");

    public static readonly Counter<long> Updated =
        TelemetryDefaults.Meter.CreateCounter<long>("hosvessel.vessels.updated", "{vessel}", "Vessels updated through the form");

    public static readonly Counter<long> Deleted =
        TelemetryDefaults.Meter.CreateCounter<long>("hosvessel.vessels.deleted", "{vessel}", "Vessels deleted");

    /// <summary>One per import run, tagged with its result (applied, rejected, failed) and source (cli, web).</summary>
    public static readonly Counter<long> Imports =
        TelemetryDefaults.Meter.CreateCounter<long>("hosvessel.vessels.imports", "{import}", "Vessel import runs");

    public static readonly Counter<long> ImportedRows =
        TelemetryDefaults.Meter.CreateCounter<long>("hosvessel.vessels.imported_rows", "{vessel}", "Vessel rows added or updated by imports");
}
