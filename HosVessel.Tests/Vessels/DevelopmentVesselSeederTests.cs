using Dapper;
using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Data;
using HosVessel.Web.Vessels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace HosVessel.Tests.Vessels;

public sealed class DevelopmentVesselSeederTests(HosVesselFactory factory) : IClassFixture<HosVesselFactory>
{
    [Fact]
    public async Task Seeds_thirty_valid_vessels_into_an_empty_register_once_and_only_outside_testing()
    {
        Assert.DoesNotContain(factory.Services.GetServices<IDatabaseInitializer>(), i => i is DevelopmentVesselSeeder);
        var database = factory.Services.GetRequiredService<Database>();
        var seeder = new DevelopmentVesselSeeder(
            database, factory.Services.GetRequiredService<VesselStore>(), NullLogger<DevelopmentVesselSeeder>.Instance);

        await seeder.InitializeAsync(CancellationToken.None);
        await seeder.InitializeAsync(CancellationToken.None);

        Assert.Equal(30, seeder.Order);
        await using var connection = await database.OpenAsync();
        var imos = (await connection.QueryAsync<string>("SELECT imo_no FROM vessels")).ToList();
        Assert.Equal(30, imos.Count);
        Assert.All(imos, imo => Assert.True(ImoNumber.IsValid(imo), imo));
    }
}
