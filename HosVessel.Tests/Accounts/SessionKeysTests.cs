using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Accounts;

namespace HosVessel.Tests.Accounts;

public sealed class SessionKeysTests(HosVesselFactory factory) : IClassFixture<HosVesselFactory>
{
    [Fact]
    public async Task Cookie_signing_keys_are_kept_on_the_data_volume_so_sessions_survive_a_restart()
    {
        await factory.LoginAsAdminAsync();

        var folder = Path.Combine(factory.DataDirectory, SessionKeys.FolderName);
        Assert.NotEmpty(Directory.GetFiles(folder, "key-*.xml"));
    }
}
