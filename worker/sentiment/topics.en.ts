import type { TopicSource } from './lexicon';

// A topic is reported once its cues add up to 1: strong cues weigh 1, ambiguous ones 0.5
// ("box" alone is not delivery, "box crushed" is).
export const EN_TOPICS: TopicSource = [
  [
    'service',
    1,
    'service customer_service support staff staffer employee employees assistant assistants cashier ' +
      'cashiers till salesman saleswoman salesperson sales_assistant shop_assistant manager managers ' +
      'agent agents operator advisor adviser rep reps representative help_desk helpdesk helpline ' +
      'hotline call_centre call_center live_chat chat chatbot bot reply replied replies respond ' +
      'responded responds response answer answered emails email refund refunds ' +
      'refunded return returns returned exchange exchanged replacement warranty queue queues ' +
      'rude rudely polite politely courteous friendly unfriendly condescending patronising ' +
      'patronizing arrogant dismissive knowledgeable attentive hung_up hang_up rolled_her_eyes ' +
      'rolled_his_eyes eye_roll shrugged apologised apologized apology team_member receptionist ' +
      'store_manager human ticket security_guard guard engineer technician pharmacist waiter waitress ' +
      'barista staff_member',
  ],
  ['service', 0, 'eco_friendly environmentally_friendly family_friendly user_friendly'],
  [
    'service',
    0.5,
    'callback call_back kind kindly counter complaint complaints helpful unhelpful patient sorted ' +
      'explained advice recommended guy lady woman team',
  ],
  [
    'product',
    1,
    'product products quality build_quality item_quality material materials fabric stitching seams ' +
      'seam zip zipper sole soles lid handle hinge button buttons strap battery charger cable screen ' +
      'display camera sound bass speaker speakers headphones earbuds earphones smartphone laptop tablet ' +
      'smartwatch watch tv monitor keyboard printer kettle toaster blender mixer vacuum hoover iron ' +
      'microwave oven fridge freezer washing_machine dishwasher hairdryer lamp bulb pan pans pot ' +
      'pots mug mugs cup cups plate plates bowl knife knives furniture sofa couch bed mattress ' +
      'pillow duvet bedding towel towels rug curtain curtains chair table desk shelf wardrobe tent ' +
      'toy toys lego doll book books clothes clothing jacket coat hoodie jumper sweater shirt tshirt ' +
      't_shirt dress skirt jeans trousers leggings shorts socks underwear bra shoes trainers sneakers ' +
      'boots sandals heels handbag backpack suitcase cosmetics cream shampoo conditioner lotion makeup ' +
      'perfume soap food meat chicken beef steak fish salmon cheese milk yogurt yoghurt bread ' +
      'sourdough croissant croissants cake pastry pastries biscuit biscuits cookies chocolate sweets ' +
      'fruit veg vegetables avocado avocados banana bananas apple apples berries strawberries ' +
      'tomatoes salad sandwich pizza soup sauce coffee tea juice wine beer ham bacon sausage sausages ' +
      'eggs beans plant plants flowers powerbank power_bank gadget device appliance size sizes sizing ' +
      'size_guide fit fits fitted taste tastes tasted tasty flavour flavor smell smelled smells ' +
      'colour color colours colors dye manual instructions assemble assembly fresh stale delicious ' +
      'bland mouldy moldy rotten pilled shrunk faded wash ' +
      'washed washes wore wear wearing leaks leaked leaking broke broken faulty defective ' +
      'works_fine stopped_working turn_on charges design feels_cheap looks_cheap cheaply_made ' +
      'well_made crop_top waistband sleeves hood collar pocket pockets frying_pan beans coffee_beans ' +
      'headset console controller charging sofa_bed cushion blanket jewellery jewelry necklace ' +
      'earrings glasses sunglasses doesnt_feel_cheap lettuce spinach grapes oranges melon potatoes onions ' +
      'carrots mushrooms rice pasta noodles cereal flour sugar butter ice_cream icecream dessert pie pies burger ' +
      'chips fries crisps snacks nuts honey jam pram buggy stroller car_seat nappies diapers router lightbulb ' +
      'heater air_fryer slow_cooker coffee_machine cutlery deodorant toothpaste toothbrush mascara lipstick ' +
      'serum moisturiser moisturizer sunscreen',
  ],
  [
    'product',
    0.5,
    'case bag bags comfy comfortable sturdy flimsy durable phone item items brand gift photos pics ' +
      'pictures picture tried use used using works working',
  ],
  [
    'delivery',
    1,
    'delivery deliveries deliver delivered delivering courier couriers driver drivers shipping ' +
      'shipped ship shipment dispatch dispatched postage posted parcel parcels package packages ' +
      'packaging packed packaged tracking tracked tracker pickup_point pick_up_point collection_point ' +
      'parcel_locker locker lockers postman postwoman post_office royal_mail dpd ups fedex dhl evri ' +
      'hermes order_status returned_to_sender left_outside left_in_the_rain left_at_the_door left_by_the_door ' +
      'left_with_a_neighbour left_with_neighbour doorstep doorbell arrived arrive arrives arrival ' +
      'in_transit transit delivery_slot ' +
      'time_slot delivery_window delivery_fee next_day_delivery same_day_delivery the_trip ' +
      'warehouse collected delivery_guy delivery_man',
  ],
  [
    'delivery',
    0.5,
    'order orders came box boxes crushed dented kicked soaked late delayed early ' +
      'on_time missing lost window slot gate door fence outside porch neighbour neighbor',
  ],
  [
    'price',
    1,
    'price prices priced pricing cost costs costly expensive pricey cheap cheaper cheapest ' +
      'affordable overpriced value_for_money good_value great_value value bargain bargains deal deals ' +
      'discount discounts discounted sale sales promo promotion promotions voucher vouchers coupon ' +
      'coupons code cashback points loyalty loyalty_card rewards reward bonus fee fees surcharge ' +
      'charged overcharged free price_match money_back waste_of_money for_the_money worth_the_money ' +
      'worth_the_price half_the_price rip_off ripoff greedy hidden_fees student_discount reduced ' +
      'clearance paying pay_for paid_for pound pounds quid bucks dollars euros pence ' +
      'worth',
  ],
  ['price', 0.5, 'money spent spend charge budget offer offers'],
  // "Feels cheap" is about how the thing is made, not what it cost.
  ['price', -1, 'feels_cheap looks_cheap feel_cheap look_cheap cheaply_made cheap_plastic doesnt_feel_cheap'],
  ['price', -1, 'hassle_free stress_free free_of worth_the_hype'],
  ['service', -1, 'no_complaints'],
  ['product', 0, 'apple_pay google_pay samsung_pay'],
];
