package io.hingekit.online;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hingekit.config.OnlineAlgorithm;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Final weights after a fixed stream against the papers' update rules written directly in NumPy
 * ({@code src/test/python/online_reference_values.py}, whose printed arrays are pasted here).
 */
class OnlineLearnerTest {

    static final int N = 60;
    static final int D = 6;
    private static final double TOLERANCE = 1e-6;

    private static final double[][] BINARY_PA = {
        {-0.026121966401656024, -1.432566624823713, 0.32796734601140276,
         0.22824177150612596, -1.599636911132119, -0.7054359040211693,
         -0.34619114202040446}
    };
    private static final double[][] BINARY_PA_I = {
        {0.2899568020071179, -1.0156941706643694, 0.7610481753713214,
         0.44087824471325854, -0.9279681581546668, -0.39141750242771983,
         -0.11002574874527989}
    };
    private static final double[][] BINARY_PA_II = {
        {0.0636814230508874, -0.8056733838709192, 0.4238286442328255,
         0.2608079941629682, -0.8691641523474822, -0.3450915751172316,
         -0.10801092318753112}
    };
    private static final double[][] BINARY_PA_I_WEIGHTED = {
        {0.12281193945949354, -0.665420699176433, 0.3607193591808749,
         0.21950801010731072, -0.8672393235546472, -0.3459011341947269,
         -0.6690422721567673}
    };
    private static final double[][] BINARY_PEGASOS = {
        {0.06249999999999967, -0.8333333333333327, 0.3541666666666664,
         0.5208333333333331, -0.9374999999999996, -0.41666666666666635,
         -0.16666666666666713}
    };
    static final double[][] BINARY_PEGASOS_PROJECTED = {
        {0.08433709500127666, -0.3581690377623942, 0.36243047909881043,
         0.28623328460660596, -0.4050338408354923, -0.21269977061228415,
         -0.1306735363202124}
    };
    private static final double[][] MULTI_PA = {
        {-0.7327868837557148, 0.6111883979015732, -0.11980077748887183,
         -0.22130647716722962, 0.5421430543094817, 0.07375922236754459,
         -0.1575238501049665},
        {0.026612507114575953, -0.7269686673208138, 0.3356760627016844,
         0.17732356301029303, -1.0148063880847948, -0.021892789232177922,
         -0.07003137799087815},
        {0.7061743766411389, 0.11578026941924066, -0.21587528521281266,
         0.043982914156936365, 0.4726633337753129, -0.05186643313536668,
         0.22755522809584464}
    };
    static final double[][] MULTI_PA_I = {
        {-0.5257089280677998, 0.5139611091220184, -0.20280861969857164,
         -0.17817237147997386, 0.38402120773430726, 0.07125668755901235,
         0.020256817192186097},
        {-0.03841502430918044, -0.6514594704659461, 0.3288222843217437,
         0.30577477958072047, -0.629811450320009, -0.14053361276444581,
         0.14601322284801033},
        {0.5641239523769801, 0.1374983613439277, -0.12601366462317193,
         -0.12760240810074666, 0.24579024258570165, 0.06927692520543349,
         -0.16627004004019638}
    };
    private static final double[][] MULTI_PA_II = {
        {-0.41525588212335407, 0.3399936837827532, -0.10033430548789053,
         -0.2176844047303321, 0.33777653652534556, 0.044528142664754106,
         -0.014907890063749901},
        {-0.06405571272538718, -0.4710549049579556, 0.2636000621977847,
         0.21558434666170545, -0.5860725323598542, -0.024836018221850456,
         0.015964673034590482},
        {0.4793115948487414, 0.13106122117520236, -0.16326575670989424,
         0.002100058068626615, 0.24829599583450848, -0.019692124442903663,
         -0.001056782970840664}
    };
    private static final double[][] MULTI_PA_II_WEIGHTED = {
        {-0.380646386869679, 0.41734627688259807, -0.18786240613606747,
         -0.12121788971480073, 0.35305802721970764, -0.007855767862845864,
         0.026251566386894076},
        {-0.001063848672293954, -0.52423680579374, 0.3632400906732896,
         0.1950398105926827, -0.5635613630611345, -0.04772923628885955,
         0.12203148660512077},
        {0.381710235541973, 0.10689052891114222, -0.17537768453722227,
         -0.07382192087788203, 0.2105033358414269, 0.05558500415170548,
         -0.14828305299201483}
    };
    private static final double[][] MULTI_PEGASOS = {
        {-0.791666666666666, 0.520833333333333, -0.27083333333333326,
         -0.31250000000000006, 0.5208333333333333, 0.10416666666666655,
         0.16666666666666693},
        {0.06250000000000004, -0.7291666666666662, 0.45833333333333326,
         0.4166666666666667, -0.8749999999999998, -0.1458333333333332,
         0.1666666666666665},
        {0.7291666666666663, 0.20833333333333318, -0.1874999999999999,
         -0.10416666666666673, 0.35416666666666646, 0.04166666666666671,
         -0.3333333333333335}
    };
    private static final double[][] MULTI_PEGASOS_PROJECTED = {
        {-0.18859623176284307, 0.2459726723963165, -0.19025002889790749,
         -0.17518094627986658, 0.11407630398872973, 0.022881713464569315,
         -0.08774368457275966},
        {0.11922817467792012, -0.3997740738057564, 0.261510864764851,
         0.20674314785058803, -0.24836192906542937, -0.01565429591520333,
         0.32610809707319166},
        {0.06936805708492302, 0.15380140140943968, -0.07126083586694358,
         -0.03156220157072134, 0.1342856250766997, -0.007227417549366077,
         -0.23836441250043205}
    };

    @Test
    void binaryPassiveAggressiveRulesMatchNumPy() {
        assertLearns(BINARY_PA, 2, pa(2, OnlineAlgorithm.PA, null, null));
        assertLearns(BINARY_PA_I, 2, pa(2, OnlineAlgorithm.PA_I, 0.1, null));
        assertLearns(BINARY_PA_II, 2, pa(2, OnlineAlgorithm.PA_II, 0.1, null));
        assertLearns(BINARY_PA_I_WEIGHTED, 2, pa(2, OnlineAlgorithm.PA_I, 0.1, List.of(2.0, 0.5)));
    }

    @Test
    void multiclassPassiveAggressiveRulesMatchNumPy() {
        assertLearns(MULTI_PA, 3, pa(3, OnlineAlgorithm.PA, null, null));
        assertLearns(MULTI_PA_I, 3, pa(3, OnlineAlgorithm.PA_I, 0.1, null));
        assertLearns(MULTI_PA_II, 3, pa(3, OnlineAlgorithm.PA_II, 0.1, null));
        assertLearns(MULTI_PA_II_WEIGHTED, 3, pa(3, OnlineAlgorithm.PA_II, 0.1, List.of(1.0, 3.0, 0.5)));
    }

    @Test
    void pegasosMatchesNumPy() {
        assertLearns(BINARY_PEGASOS, 2, new Pegasos(weights(2), 1, null, 0.1, false));
        assertLearns(BINARY_PEGASOS_PROJECTED, 2, new Pegasos(weights(2), 1, null, 0.5, true));
        assertLearns(MULTI_PEGASOS, 3, new Pegasos(weights(3), 1, null, 0.1, false));
        assertLearns(MULTI_PEGASOS_PROJECTED, 3, new Pegasos(weights(3), 1, List.of(1.0, 2.0, 0.5), 0.5, true));
    }

    @Test
    void multiclassMarginIsAgainstTheHighestWrongClassFirstOnTies() {
        OnlineLearner learner = pa(3, OnlineAlgorithm.PA, null, null);
        OnlineLearner.Margin m = learner.margin(new double[] {0.5, 2.0, 2.0}, 0);
        assertEquals(-1.5, m.signed());
        assertEquals(1, m.rival());
        assertEquals(2.5, learner.hinge(m));
    }

    @Test
    void aCorrectExampleBeyondTheMarginLeavesPaPassive() {
        OnlineLearner learner = pa(2, OnlineAlgorithm.PA, null, null);
        learner.restore(new double[][] {{2, 0, 0, 0, 0, 0, 0}}, 5);
        float[] x = {1, 0, 0, 0, 0, 0};
        learner.learn(x, 1, learner.scores(x));
        assertArrayEquals(new double[] {2, 0, 0, 0, 0, 0, 0}, learner.weights().copyRows()[0]);
        assertEquals(6, learner.steps());
    }

    private static void assertLearns(double[][] expected, int classes, OnlineLearner learner) {
        Stream stream = stream(classes);
        for (int i = 0; i < N; i++) {
            learner.learn(stream.x[i], stream.labels[i], learner.scores(stream.x[i]));
        }
        double[][] got = learner.weights().copyRows();
        assertEquals(expected.length, got.length);
        for (int r = 0; r < expected.length; r++) {
            assertArrayEquals(expected[r], got[r], TOLERANCE, "row " + r);
        }
    }

    private static PassiveAggressive pa(int classes, OnlineAlgorithm rule, Double c, List<Double> classWeights) {
        return new PassiveAggressive(weights(classes), 1, classWeights, rule, c);
    }

    private static LinearWeights weights(int classes) {
        return new LinearWeights(classes == 2 ? 1 : classes, D, true);
    }

    /** The reference stream: features and class indices. */
    record Stream(float[][] x, int[] labels) {}

    /** The stream of the Python script: the same LCG, teacher and label noise. */
    static Stream stream(int classes) {
        long state = 12345;
        float[][] x = new float[N][D];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < D; j++) {
                state = (state * 1103515245L + 12345) % (1L << 31);
                x[i][j] = ((state >> 8) % 17 - 8) / 8f;
            }
        }
        int[] labels = new int[N];
        for (int i = 0; i < N; i++) {
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                double s = 0;
                for (int j = 0; j < D; j++) {
                    s += ((k * 3 + j * 5) % 7 - 3) * x[i][j];
                }
                if (s > bestScore) {
                    best = k;
                    bestScore = s;
                }
            }
            labels[i] = i % 7 == 0 ? (best + 1) % classes : best;
        }
        return new Stream(x, labels);
    }
}
