import { Rng } from '../prng';

// What the simulated people write. The reference data itself (regions, units, categories, routing rules) is read
// from the API, so this file only adds colour: townships, villages, titles.

export type Severity = 'general' | 'major' | 'urgent';

export interface Place {
  county: string;
  townships: string[];
  lat: number;
  lng: number;
}

/** Townships and approximate centres of the demo counties (黔西南州). */
export const PLACES: Record<string, Place> = {
  '522301': {
    county: '兴义市',
    townships: ['顶效镇', '马岭镇', '敬南镇', '威舍镇', '万峰林街道'],
    lat: 25.09,
    lng: 104.9,
  },
  '522302': {
    county: '兴仁市',
    townships: ['屯脚镇', '巴铃镇', '回龙镇', '潘家庄镇', '百德镇'],
    lat: 25.43,
    lng: 105.19,
  },
  '522323': { county: '普安县', townships: ['江西坡镇', '楼下镇', '青山镇', '地瓜镇'], lat: 25.78, lng: 104.95 },
  '522324': { county: '晴隆县', townships: ['莲城街道', '沙子镇', '碧痕镇', '光照镇'], lat: 25.83, lng: 105.22 },
  '522325': { county: '贞丰县', townships: ['者相镇', '北盘江镇', '白层镇', '龙场镇'], lat: 25.39, lng: 105.65 },
  '522326': { county: '望谟县', townships: ['王母街道', '蔗香镇', '乐元镇', '打易镇'], lat: 25.18, lng: 106.1 },
  '522327': { county: '册亨县', townships: ['者楼街道', '丫他镇', '坡妹镇', '双江镇'], lat: 24.98, lng: 105.81 },
  '522328': { county: '安龙县', townships: ['招堤街道', '龙广镇', '万峰湖镇', '普坪镇'], lat: 25.1, lng: 105.44 },
  '522390': { county: '义龙新区', townships: ['鲁屯镇', '雨樟镇', '郑屯镇', '木贾街道'], lat: 25.3, lng: 105.1 },
};

export const PREFECTURE = '522300';

const VILLAGES = [
  '大山村',
  '新寨村',
  '坡脚村',
  '龙井村',
  '纳省村',
  '岩脚村',
  '板坝村',
  '田坝村',
  '塘坊村',
  '冗渡村',
  '石桥村',
  '营盘村',
  '果约村',
  '么铺村',
  '平寨村',
  '长田村',
  '落水洞村',
  '鲁布格村',
  '打凼村',
  '麻窝村',
];

/** Categories whose problems are found all over the counties, and how often supervisors file each. */
export const CATEGORY_WEIGHTS: [string, number][] = [
  ['rural_roads', 20],
  ['rural_living_environment', 20],
  ['poverty_alleviation', 15],
  ['work_safety', 12],
  ['river_lake_chief', 10],
  ['coal_industry_upgrade', 7],
  ['education', 8],
  ['health', 8],
];

/** Where coal is mined, and which counties the big rivers cross: those categories are filed only there. */
export const CATEGORY_REGIONS: Record<string, string[]> = {
  coal_industry_upgrade: ['522302', '522323', '522324', '522301'],
  river_lake_chief: ['522325', '522324', '522326', '522327', '522301', '522328'],
};

export const SOURCE_WEIGHTS: [string, number][] = [
  ['unannounced_visit', 35],
  ['spot_check', 25],
  ['symposium', 15],
  ['consultation', 10],
  ['inspection', 10],
  ['other', 5],
];

export const SOURCE_NAMES: Record<string, string> = {
  unannounced_visit: '暗访入户',
  spot_check: '随机抽查',
  symposium: '村干部座谈',
  consultation: '联合协商',
  inspection: '专项督查',
  river_patrol: '巡河',
  other: '走访',
};

interface Template {
  titles: string[];
  details: string[];
  fixes: string[];
}

const TEMPLATES: Record<string, Template> = {
  rural_roads: {
    titles: [
      '{village}通组公路塌方未修复',
      '{township}至{village}公路路面破损严重',
      '{village}村道边沟堵塞雨季积水',
      '{village}危桥未设置警示标志',
      '{village}通村公路护栏缺失',
    ],
    details: [
      '6月强降雨后路基塌方约20米，群众出行只能绕行山路，至今未见施工。',
      '路面坑槽连片，校车和运输农产品的车辆通行困难，群众多次反映未解决。',
      '边沟长期无人清理，雨天路面积水漫流，已冲毁部分路肩。',
      '桥面有明显裂缝，未设限载和警示标志，每天仍有车辆和学生通行。',
    ],
    fixes: [
      '已完成塌方路段清理和挡墙修复，恢复通行，并设置警示标志。',
      '已对破损路面进行修补，落实了公路管护员日常巡查制度。',
      '已组织清理边沟并疏通涵洞，建立雨季巡查台账。',
    ],
  },
  rural_living_environment: {
    titles: [
      '{village}生活垃圾堆放未及时清运',
      '{village}生活污水直排河沟',
      '{village}户厕改造后无法正常使用',
      '{village}畜禽粪污随意排放',
      '{township}集镇垃圾中转站满溢',
    ],
    details: [
      '村口垃圾池满溢，周边堆放垃圾，气味明显，群众反映半个月未清运。',
      '多户生活污水经明沟直排入河，下游有群众取水灌溉。',
      '去年改造的户厕抽查中近半数无法冲水，群众仍使用旱厕。',
      '养殖户粪污未经处理直接排放，影响周边农户生活。',
    ],
    fixes: [
      '已清运积存垃圾，增设垃圾收集点并明确保洁员责任。',
      '已建设临时污水收集设施，纳入年度污水处理项目。',
      '已对问题户厕逐户整改，落实后续管护责任人。',
    ],
  },
  poverty_alleviation: {
    titles: [
      '{village}易地扶贫搬迁户就业帮扶未落实',
      '{village}防返贫监测户帮扶措施不到位',
      '{village}产业扶贫项目建成后闲置',
      '{village}饮水安全保障不稳定',
    ],
    details: [
      '抽查的搬迁户中有多户家庭无人稳定就业，帮扶台账与实际不符。',
      '监测户因病致贫风险未及时识别，帮扶措施停留在纸面。',
      '投入资金建成的食用菌大棚已闲置半年，未发挥带动作用。',
      '旱季集中供水经常中断，部分农户需到数公里外挑水。',
    ],
    fixes: [
      '已逐户核实并落实就业帮扶措施，完善了帮扶台账。',
      '已将相关农户纳入监测并落实医疗救助和产业帮扶。',
      '已引进经营主体盘活项目，建立利益联结机制。',
    ],
  },
  work_safety: {
    titles: [
      '{township}自建房存在安全隐患',
      '{village}加油点无证经营',
      '{township}烟花爆竹储存不规范',
      '{township}在建工地未设安全防护',
    ],
    details: [
      '多层自建房擅自加层经营民宿，未进行安全鉴定，消防通道堵塞。',
      '流动加油点无证经营，油桶露天存放，周边无消防设施。',
      '批发点超量储存，库房与住宅混用。',
      '高处作业人员未系安全带，基坑周边无防护栏。',
    ],
    fixes: [
      '已责令停业整改，完成安全鉴定并疏通消防通道。',
      '已依法取缔并开展辖区专项排查。',
      '已督促整改到位并纳入日常监管清单。',
    ],
  },
  river_lake_chief: {
    titles: [
      '{village}河段网箱养殖回潮',
      '{village}河道非法采砂',
      '{township}河长公示牌信息未更新',
      '{village}河道垃圾堆积',
    ],
    details: [
      '清理后的水域又出现网箱十余口，巡河记录中未见发现和处置。',
      '夜间有采砂船作业，河岸被掏空，影响堤岸安全。',
      '公示牌上的河长已调离，联系电话无法接通。',
      '汛后河道两岸堆积大量漂浮垃圾，无人清理。',
    ],
    fixes: [
      '已拆除违规网箱并加强巡河频次，建立举报奖励机制。',
      '已查扣采砂设备，对责任人依法处理。',
      '已更新公示牌信息，落实河长巡河制度。',
    ],
  },
  coal_industry_upgrade: {
    titles: [
      '{township}煤矿智能化改造进度滞后',
      '{township}煤矿未按期完成机械化升级',
      '{township}关闭煤矿遗留矸石山未治理',
    ],
    details: [
      '按计划应于上季度完成采掘工作面智能化改造，现场仅完成设备采购。',
      '矿井仍以炮采为主，机械化升级方案未报批。',
      '矸石山无拦挡设施，雨季有滑塌风险，下方有农户居住。',
    ],
    fixes: [
      '已制定倒排工期计划，智能化工作面已投入试运行。',
      '升级方案已批复并开工建设，明确了完成时限。',
      '已完成矸石山削坡和拦挡工程，落实监测责任人。',
    ],
  },
  education: {
    titles: ['{township}中心学校校舍出现裂缝', '{village}小学营养午餐供应不规范', '{township}控辍保学台账不实'],
    details: [
      '教学楼墙体出现多条裂缝，仍在正常使用，未进行安全鉴定。',
      '营养午餐食谱与实际不符，部分学生反映吃不饱。',
      '台账显示无辍学学生，走访发现有学生外出务工。',
    ],
    fixes: [
      '已完成校舍安全鉴定，临时调整教室并启动加固。',
      '已规范食堂管理，落实陪餐制度和公示制度。',
      '已逐一劝返并建立动态监测台账。',
    ],
  },
  health: {
    titles: ['{village}卫生室长期无村医值守', '{township}卫生院药品短缺', '{village}家庭医生签约服务流于形式'],
    details: [
      '卫生室大门常年关闭，群众看小病需到镇上。',
      '常用慢性病药品经常断供，群众只能到县城购买。',
      '签约农户表示从未接受过随访，签约台账存在代签。',
    ],
    fixes: [
      '已调配村医实行轮流值守，公布服务时间和电话。',
      '已完善药品采购配送机制，保障常用药供应。',
      '已核实签约情况并开展入户随访，规范签约服务。',
    ],
  },
};

/** Proposals (提案): prefecture-wide subjects, filed by CPPCC members; `region` null means the prefecture. */
const PROPOSALS: { category: string; region: string | null; title: string; description: string }[] = [
  {
    category: 'rural_roads',
    region: null,
    title: '关于建立农村公路长效管护机制的提案',
    description: '建议明确县乡村三级管护责任，将管护经费纳入财政预算，推广“路长制”。',
  },
  {
    category: 'coal_industry_upgrade',
    region: null,
    title: '关于加快推进煤矿智能化建设的提案',
    description: '建议设立智能化改造专项资金，对按期完成改造的煤矿给予产能置换支持。',
  },
  {
    category: 'river_lake_chief',
    region: null,
    title: '关于加强北盘江流域生态保护的提案',
    description: '建议建立流域上下游横向生态补偿机制，巩固网箱养殖清理成果。',
  },
  {
    category: 'work_safety',
    region: null,
    title: '关于加强农村自建房安全管理的提案',
    description: '建议开展经营性自建房专项整治，建立房屋安全定期体检制度。',
  },
  {
    category: 'education',
    region: null,
    title: '关于改善乡村学校寄宿条件的提案',
    description: '建议加大寄宿制学校建设投入，配齐生活教师和心理健康教师。',
  },
  {
    category: 'health',
    region: null,
    title: '关于稳定乡村医生队伍的提案',
    description: '建议提高村医待遇，落实养老保障，定向培养本土医学生。',
  },
  {
    category: 'poverty_alleviation',
    region: '522302',
    title: '关于巩固易地扶贫搬迁后续扶持成果的提案',
    description: '建议在安置点配套建设扶贫车间，完善社区治理和公共服务。',
  },
  {
    category: 'poverty_alleviation',
    region: '522328',
    title: '关于发展壮大村级集体经济的提案',
    description: '建议盘活闲置扶贫资产，探索村集体经济组织入股经营。',
  },
  {
    category: 'rural_living_environment',
    region: null,
    title: '关于推进农村生活污水治理的提案',
    description: '建议因地制宜选择处理模式，将运维经费纳入县级财政保障。',
  },
];

export interface Filing {
  kind: 'supervision' | 'proposal';
  title: string;
  description: string;
  category: string;
  regionCode: string;
  severity: Severity;
  source: string;
  location?: { township?: string; village?: string; lat?: number; lng?: number };
  evidence?: { type: string; uri?: string; description?: string }[];
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? key);
}

export function supervisionFiling(rng: Rng, category: string, region: string, n: number): Filing {
  const template = TEMPLATES[category] ?? TEMPLATES.rural_living_environment;
  const place = PLACES[region];
  const township = place ? rng.pick(place.townships) : '州直';
  const village = rng.pick(VILLAGES);
  const values = { township, village, county: place?.county ?? '黔西南州' };
  const source = category === 'river_lake_chief' && rng.chance(0.5) ? 'river_patrol' : rng.weighted(SOURCE_WEIGHTS);
  const severity: Severity =
    category === 'work_safety'
      ? rng.weighted([
          ['general', 50],
          ['major', 35],
          ['urgent', 15],
        ])
      : rng.weighted([
          ['general', 74],
          ['major', 21],
          ['urgent', 5],
        ]);
  const title = fill(rng.pick(template.titles), values);
  const where = place ? `${place.county}${township}${village}` : '黔西南州';
  return {
    kind: 'supervision',
    title,
    description: `在${where}${SOURCE_NAMES[source] ?? '走访'}时发现：${rng.pick(template.details)}`,
    category,
    regionCode: region,
    severity,
    source,
    location: place
      ? {
          township,
          village,
          lat: Math.round((place.lat + rng.uniform(-0.08, 0.08)) * 10_000) / 10_000,
          lng: Math.round((place.lng + rng.uniform(-0.08, 0.08)) * 10_000) / 10_000,
        }
      : undefined,
    evidence: [
      { type: 'photo', uri: `https://evidence.example.cn/sim/${n}/1.jpg`, description: '现场照片' },
      ...(rng.chance(0.3) ? [{ type: 'note', description: '走访群众笔录' }] : []),
    ],
  };
}

export function proposalFiling(rng: Rng, categories: Set<string>): Filing {
  const choices = PROPOSALS.filter((p) => categories.has(p.category));
  const proposal = rng.pick(choices.length ? choices : PROPOSALS);
  return {
    kind: 'proposal',
    title: proposal.title,
    description: `${proposal.description}（州政协委员提案）`,
    category: proposal.category,
    regionCode: proposal.region ?? PREFECTURE,
    severity: 'general',
    source: 'proposal',
  };
}

export function rectificationSummary(rng: Rng, category: string, kind: string): string {
  if (kind === 'proposal') return '办复意见：已认真研究提案建议，相关措施已纳入年度工作计划并分步实施。';
  return rng.pick((TEMPLATES[category] ?? TEMPLATES.rural_living_environment).fixes);
}

export const PROGRESS_NOTES = [
  '已成立工作专班，现场核实问题并制定整改方案。',
  '整改方案已报批，正在组织施工力量。',
  '已完成阶段性整改，剩余工作正在推进。',
  '已约谈相关责任人，明确整改时限。',
];
