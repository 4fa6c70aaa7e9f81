using Fazhi.Web.Modules.Enforcement.Features.Records;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Web;

namespace Fazhi.Web.Modules.Enforcement.Pages;

/// <summary>执法记录详情: the record as the department sent it, and the warnings the rules raised about it.</summary>
[RequiresPermission(EnforcementPermissions.RecordView)]
public sealed class RecordModel(RecordQueries queries, TimeProvider clock, Fazhi.Web.Data.FazhiDb db) : FazhiPageModel
{
    public RecordDetail Detail { get; private set; } = null!;

    /// <summary>修改记录: what re-sends of the record changed, each field's value before and after.</summary>
    public IReadOnlyList<RecordChangeView> History { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(long id, CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(ChinaTime.Now(clock));
        Detail = await queries.GetAsync(id, ct); // not found or out of scope: the 404 page
        History = await RecordHistory.OfAsync(db, id, ct);
    }
}
