using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;

namespace HosVessel.Web.Vessels;

public static class VesselsExtensions
{
    public static IHostApplicationBuilder AddVessels(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<VesselStore>();
        builder.Services.AddSingleton<VesselImporter>();
        // Razor would otherwise write every Hangul syllable as &#xD55C;: still safe, but unreadable in the source.
        builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddSingleton<Data.IDatabaseInitializer, DevelopmentVesselSeeder>();
        }
        return builder;
    }
}
