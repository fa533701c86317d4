using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HosVessel.Web.Pages;

public sealed class AccessDeniedModel : PageModel
{
    // 403 so scripts and tests see the refusal; people see the Korean page.
    public IActionResult OnGet()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
