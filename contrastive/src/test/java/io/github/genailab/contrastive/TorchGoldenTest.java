package io.github.genailab.contrastive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Loss and gradients against PyTorch autograd of open_clip's formulas (float64), including an
 * all-zero row (F.normalize's 1e-12 clamp). Values printed by {@code src/test/python/golden_values.py}
 * with Python 3.11.2 and torch 1.13.1 (Debian python3-torch 1.13.1+dfsg-4).
 */
class TorchGoldenTest {

    private static final double CLIP_LOSS = 7.059556603296922;
    private static final double[][] CLIP_GRAD_IMAGE = {{-0.3594427498459071, -1.8615916651056805, 0.5882727453857772, 2.7441653511771174}, {-1.4289127770587082, -0.6330920579458711, 1.0947209598857717, 0.3160168982806198}, {-1.5704269260388293, 0.478358844069638, 0.6836006538990118, -0.8928355816187801}, {651681123185.2833, 1835710474892.3003, -2002254447267.2222, -674195498161.5013}, {2.661212209027328, 1.4895971941701922, -2.1994799663954434, 0.009743793763982433}};
    private static final double[][] CLIP_GRAD_TEXT = {{-2.582779092336294, 0.8115585296761751, -1.308915170840252, 2.533859438904334}, {-2.218805017414084, 1.0674663914352158, -0.6172875307637351, 0.8117905646122121}, {-0.05335334175333378, 0.23848544862731608, -0.3099881969540745, 0.30517705943987183}, {2.26186310710511, -0.902571326493693, 0.7066493738602229, -2.31431652795068}, {0.9426264720643903, -0.8913090226726018, 0.8798369598682345, -0.7574150723130476}};
    private static final double CLIP_GRAD_THETA = 6.464377283583724;
    private static final double SIGLIP_LOSS = 11.018595223323562;
    private static final double[][] SIGLIP_GRAD_IMAGE = {{-0.23152651617852005, -0.7908517893086617, 0.18381991796606445, 0.9640489572427624}, {-0.7535688698797334, -0.16618828645691736, 0.44772261273489067, -0.14130014335914903}, {-0.6020367277317135, 0.579740284295011, -0.004234995081149565, -0.9170028687423465}, {439362667900.9985, 1213015903208.0818, -1448893613988.565, -486064455697.30164}, {0.990097701467143, -0.2854912800651361, -0.9970711988991188, 1.3077003187386336}};
    private static final double[][] SIGLIP_GRAD_TEXT = {{-0.878260905897253, 0.31055117158203116, -0.5108827598370549, 0.9564242989042085}, {-0.998331270315981, 0.44151424714483933, -0.26361297721115573, 0.4330430443924075}, {-0.40369068161588983, 0.4873961755530207, -0.6616155230050265, 0.887171600550094}, {0.010553976130494849, -0.004201781166737182, 0.003179672233091564, -0.01042408186307022}, {0.6699173885933736, -0.6242361873060963, 0.6408659488444921, -0.5236268761755719}};
    private static final double SIGLIP_GRAD_THETA = 1.0329571791532366;
    private static final double SIGLIP_GRAD_BIAS = -0.9955073868126453;

    private static double[][] image() {
        double[][] m = new double[5][4];
        for (int i = 0; i < 5; i++) {
            for (int k = 0; k < 4; k++) {
                m[i][k] = i == 3 ? 0 : Math.sin(1 + 7 * i + 3 * k);
            }
        }
        return m;
    }

    private static double[][] text() {
        double[][] m = new double[5][4];
        for (int i = 0; i < 5; i++) {
            for (int k = 0; k < 4; k++) {
                m[i][k] = Math.cos(2 + 5 * i - 2 * k) + (i == k ? 0.3 : 0);
            }
        }
        return m;
    }

    @Test
    void clipMatchesPyTorch() {
        for (int tile : new int[] {0, 2}) {
            ClipLossResult r = ClipLoss.compute(image(), text(), ClipLossOptions.defaults().withTileSize(tile));
            assertThat(r.loss()).isCloseTo(CLIP_LOSS, within(1e-13));
            assertThat(r.gradLogScale()).isCloseTo(CLIP_GRAD_THETA, within(1e-12));
            assertClose(r.gradImage(), CLIP_GRAD_IMAGE);
            assertClose(r.gradText(), CLIP_GRAD_TEXT);
        }
    }

    @Test
    void sigLipMatchesPyTorch() {
        SigLipLossResult r = SigLipLoss.compute(image(), text(), SigLipLossOptions.defaults().withTileSize(3));
        assertThat(r.loss()).isCloseTo(SIGLIP_LOSS, within(1e-13));
        assertThat(r.gradLogScale()).isCloseTo(SIGLIP_GRAD_THETA, within(1e-13));
        assertThat(r.gradBias()).isCloseTo(SIGLIP_GRAD_BIAS, within(1e-13));
        assertClose(r.gradImage(), SIGLIP_GRAD_IMAGE);
        assertClose(r.gradText(), SIGLIP_GRAD_TEXT);
    }

    private static void assertClose(double[][] actual, double[][] expected) {
        for (int i = 0; i < expected.length; i++) {
            for (int k = 0; k < expected[i].length; k++) {
                assertThat(actual[i][k]).as("[%d][%d]", i, k)
                        .isCloseTo(expected[i][k], within(1e-12 * Math.max(1, Math.abs(expected[i][k]))));
            }
        }
    }
}
