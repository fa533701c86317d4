using System.Diagnostics.Metrics;

namespace HosVessel.Web.Accounts;

/// <summary>Counters on the shared HosVessel meter.</summary>
public static class AccountsTelemetry
{
    public const string LoginsCounterName = "hosvessel.logins";
    public const string ResultTag = "result";

    private static readonly Counter<long> Logins = Microsoft.Extensions.Hosting.Extensions.Meter.CreateCounter<long>(
        LoginsCounterName, unit: "{login}", description: "Login attempts by result: success, failure or throttled");

    public static void RecordLogin(LoginResultKind result) =>
        Logins.Add(1, new KeyValuePair<string, object?>(ResultTag, result switch
        {
            LoginResultKind.Success => "success",
            LoginResultKind.Throttled => "throttled",
            _ => "failure",
        }));
}
