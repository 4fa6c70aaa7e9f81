using Fazhi.Web.Kernel.Security;

namespace Fazhi.UnitTests.Kernel;

/// <summary>The start-up encryption pass's completion marker of a table: the same for the same columns and key version
/// (whatever the order the model lists them in), different when a column is added, dropped or indexed, or the key rotates.</summary>
public sealed class FieldPassMarkerTests
{
    private static EncryptedFields.Table Table(params (string Column, string? Index)[] columns) => new("ReconCase", "recon_cases", null, "Id", columns);

    [Fact]
    public void The_marker_changes_with_the_columns_and_the_key_version_only()
    {
        var now = FieldRewriter.MarkerValue(Table(("ApplicantIdNumber", "ApplicantIdNumberIndex"), ("ApplicantPhone", null)), 1);
        now.ShouldBe("v1;ApplicantIdNumber+ApplicantIdNumberIndex,ApplicantPhone");
        FieldRewriter.MarkerValue(Table(("ApplicantPhone", null), ("ApplicantIdNumber", "ApplicantIdNumberIndex")), 1).ShouldBe(now);

        FieldRewriter.MarkerValue(Table(("ApplicantIdNumber", "ApplicantIdNumberIndex"), ("ApplicantPhone", null), ("AgentPhone", null)), 1).ShouldNotBe(now);
        FieldRewriter.MarkerValue(Table(("ApplicantIdNumber", "ApplicantIdNumberIndex")), 1).ShouldNotBe(now);
        FieldRewriter.MarkerValue(Table(("ApplicantIdNumber", "ApplicantIdNumberIndex"), ("ApplicantPhone", "ApplicantPhoneIndex")), 1).ShouldNotBe(now);
        FieldRewriter.MarkerValue(Table(("ApplicantIdNumber", "ApplicantIdNumberIndex"), ("ApplicantPhone", null)), 2).ShouldNotBe(now);
        FieldRewriter.MarkerKey(Table(("ApplicantPhone", null))).ShouldBe("encrypt-fields:recon_cases");
    }
}
