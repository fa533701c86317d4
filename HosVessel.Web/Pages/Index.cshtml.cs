using Dapper;
using HosVessel.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HosVessel.Web.Pages;

public sealed class IndexModel(Database database) : PageModel
{
    public long VesselCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        VesselCount = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM vessels");
    }
}
