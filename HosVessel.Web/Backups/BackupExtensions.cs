using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HosVessel.Web.Backups;

public static class BackupExtensions
{
    public static IHostApplicationBuilder AddBackups(this IHostApplicationBuilder builder)
    {
        // A typo in the schedule should stop startup with its reason, not silently skip every night.
        builder.Services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.SectionName)
            .Validate(options => options.Keep >= 1, "Backup:Keep must be at least 1.")
            .Validate(IsValidSchedule, "Backup:Time must be HH:mm and Backup:TimeZone an IANA zone such as Asia/Seoul.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<BackupWriter>();
        builder.Services.AddHostedService<NightlyBackupService>();
        return builder;
    }

    private static bool IsValidSchedule(BackupOptions options)
    {
        try
        {
            BackupSchedule.From(options);
            return true;
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }
}
