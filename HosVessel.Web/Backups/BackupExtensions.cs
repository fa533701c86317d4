using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HosVessel.Web.Backups;

public static class BackupExtensions
{
    public static IHostApplicationBuilder AddBackups(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.SectionName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<BackupWriter>();
        builder.Services.AddHostedService<NightlyBackupService>();
        return builder;
    }
}
