using HosVessel.Web.Vessels;
using HosVessel.Web.Voyages;

namespace HosVessel.Web.Fleet;

/// <summary>Reads the fleet for the home page: the register and the current voyages, through their stores.</summary>
public sealed class FleetReader(VesselStore vessels, VoyageStore voyages)
{
    public async Task<FleetSnapshot> ReadAsync(CancellationToken cancellationToken = default)
    {
        var register = await vessels.ListAllAsync(new VesselQuery(), cancellationToken);
        var current = await voyages.ListAllAsync(cancellationToken);
        var lastPush = await voyages.GetLastPushAsync(cancellationToken);
        return FleetSnapshot.Join(register, current, lastPush);
    }
}
