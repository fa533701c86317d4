using HosVessel.Web.Vessels;

namespace HosVessel.Tests.Vessels;

public sealed class VesselNameTests
{
    [Theory]
    [InlineData("Hyundai  Ambition", "HYUNDAI AMBITION")]
    [InlineData("  hyundai\tambition ", "HYUNDAI AMBITION")]
    [InlineData("H/AMBITION", "HYUNDAI AMBITION")]
    [InlineData("h/ ambition", "HYUNDAI AMBITION")]
    [InlineData("한바다  1호", "한바다 1호")]
    [InlineData("SH/ARK", "SH/ARK")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Names_normalise_to_the_shared_key(string? name, string key) => Assert.Equal(key, VesselName.Normalise(name));
}
