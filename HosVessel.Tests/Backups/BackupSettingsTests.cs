using HosVessel.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace HosVessel.Tests.Backups;

public sealed class BackupSettingsTests
{
    private sealed class MistypedScheduleFactory : HosVesselFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } =
            new Dictionary<string, string?> { ["Backup:Time"] = "3 o'clock" };
    }

    [Fact]
    public void A_mistyped_backup_time_stops_startup_with_the_setting_named()
    {
        using var factory = new MistypedScheduleFactory();

        var failure = Assert.Throws<OptionsValidationException>(() => factory.Server);

        Assert.Contains("Backup:Time must be HH:mm", failure.Message);
    }
}
