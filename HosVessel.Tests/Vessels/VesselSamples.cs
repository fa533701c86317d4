using HosVessel.Web.Vessels;

namespace HosVessel.Tests.Vessels;

/// <summary>Valid vessels with names, IMOs and ship codes unique across the test run.</summary>
public static class VesselSamples
{
    private static int counter = Random.Shared.Next(1_000, 100_000);

    public static string NewImo()
    {
        var firstSix = (100_000 + Interlocked.Increment(ref counter) % 900_000).ToString("D6");
        return firstSix + ImoNumber.CheckDigit(firstSix);
    }

    public static string NewShipCode() => "T" + ToBase36(Interlocked.Increment(ref counter));

    public static VesselFields Valid(string? name = null) => new()
    {
        Name = name ?? $"TEST VESSEL {Guid.NewGuid():N}"[..30],
        ImoNo = NewImo(),
        ShipCode = NewShipCode(),
        ShipType = "CNTR",
        Size = "24K",
        Flag = "KOR",
        Ro = "KR",
        Class = "DNV/KR",
        BuiltYear = "2019-05",
        Shipyard = "HHI",
        Finance = "국적선",
        Tic = "CT1",
        Crew = "CM1",
        Callsign = "D7JI",
        InternalAudit = "2025-03-14",
    };

    /// <summary>The fields as a posted form (snake_case names).</summary>
    public static Dictionary<string, string> Form(VesselFields fields) =>
        VesselFieldTable.All.ToDictionary(f => f.Key, f => f.Get(fields) ?? "");

    private static string ToBase36(int value)
    {
        const string digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var text = "";
        do
        {
            text = digits[value % 36] + text;
            value /= 36;
        }
        while (value > 0);
        return text.PadLeft(5, '0')[^5..];
    }
}
