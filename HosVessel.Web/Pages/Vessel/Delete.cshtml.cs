using HosVessel.Web.Accounts;
using HosVessel.Web.Vessels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HosVessel.Web.Pages.VesselPages;

/// <summary><c>POST /vessel/{id}/delete</c>; the confirmation is asked in the browser (data-confirm on the button).</summary>
[Authorize(Policy = AccountsExtensions.AdminPolicy)]
public sealed class DeleteModel(VesselStore store) : PageModel
{
    public IActionResult OnGet(long id) => Redirect($"/vessel/{id}");

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (await store.FindByIdAsync(id, cancellationToken) is not { } vessel || !await store.DeleteAsync(id, cancellationToken))
        {
            return NotFound();
        }
        TempData.Success($"'{vessel.Name}' 선박을 삭제했습니다.");
        return Redirect("/vessel/list");
    }
}
