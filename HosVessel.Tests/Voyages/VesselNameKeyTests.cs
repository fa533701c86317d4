using HosVessel.Web.Voyages;

namespace HosVessel.Tests.Voyages;

public sealed class VesselNameKeyTests
{
    [Theory]
    [InlineData("H/SMART", "HYUNDAI SMART")]
    [InlineData("h/ ecopia", "HYUNDAI ECOPIA")]
    [InlineData("  hmm   algeciras ", "HMM ALGECIRAS")]
    [InlineData("Hyundai\tSmart", "HYUNDAI SMART")]
    [InlineData("HH/X", "HH/X")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Names_are_compared_by_upper_case_single_spaced_HYUNDAI_form(string? name, string key) =>
        Assert.Equal(key, VesselNameKey.Normalize(name));
}
