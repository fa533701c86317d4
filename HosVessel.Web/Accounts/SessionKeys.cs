using HosVessel.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace HosVessel.Web.Accounts;

/// <summary>
/// Keeps the keys that sign session, antiforgery and TempData cookies in <c>keys/</c> beside the database,
/// on the data volume. Without this a container restart or redeploy would log everyone out and break open forms.
/// </summary>
public static class SessionKeys
{
    public const string FolderName = "keys";

    public static IHostApplicationBuilder AddPersistentSessionKeys(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName("HosVessel");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services =>
            new ConfigureOptions<KeyManagementOptions>(options =>
            {
                var database = services.GetService<Database>();
                if (database is not null)
                {
                    var folder = Path.Combine(Path.GetDirectoryName(database.FilePath)!, FolderName);
                    options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(folder), services.GetRequiredService<ILoggerFactory>());
                }
            }));
        return builder;
    }
}
